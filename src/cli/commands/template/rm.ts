/** `tokencli template rm NAME`: remove a template. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { success } from '../../io/messages.js';
import { printJson } from '../../io/json.js';
import { templateOptions, type TemplateOptions } from './shared.js';

export function templateRmCommand(ctx: Context, runF = templateRmRun): Command {
  return new Command('rm')
    .description('Remove a template')
    .argument('<name>', 'template name')
    .addHelpText('after', '\nExample:\n  $ tokencli template rm review')
    .action(async (name: string) => runF({ ...(await templateOptions(ctx)), name }));
}

export function templateRmRun(opts: TemplateOptions & { name: string }): void {
  if (!opts.templates.remove(opts.name)) throw new UsageError(`no template "${opts.name}"`, 'see `tokencli template`');
  if (opts.json) return printJson(opts.io, { removed: opts.name });
  success(opts.io, opts.quiet, `Removed the template ${opts.name}`);
}
