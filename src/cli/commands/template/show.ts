/** `tokencli template show NAME`: one template, as it is stored. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { printJson } from '../../io/json.js';
import { templateOptions, type TemplateOptions } from './shared.js';

export function templateShowCommand(ctx: Context, runF = templateShowRun): Command {
  return new Command('show')
    .description('Print a template')
    .argument('<name>', 'template name')
    .addHelpText('after', '\nExample:\n  $ tokencli template show review')
    .action(async (name: string) => runF({ ...(await templateOptions(ctx)), name }));
}

export function templateShowRun(opts: TemplateOptions & { name: string }): void {
  const t = opts.templates.get(opts.name);
  if (!t) throw new UsageError(`no template "${opts.name}"`, 'see `tokencli template`');
  if (opts.json) return printJson(opts.io, { name: opts.name, ...t });
  opts.io.out(Object.entries(t).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join('\n') + '\n');
}
