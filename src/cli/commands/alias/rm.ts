/** `tokencli alias rm NAME`: remove an alias. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { success } from '../../io/messages.js';
import { printJson } from '../../io/json.js';
import { aliasOptions, type AliasOptions } from './shared.js';

export function aliasRmCommand(ctx: Context, runF = aliasRmRun): Command {
  return new Command('rm')
    .description('Remove an alias')
    .argument('<name>', 'the short name')
    .addHelpText('after', '\nExample:\n  $ tokencli alias rm fast')
    .action((name: string) => runF({ ...aliasOptions(ctx), name }));
}

export function aliasRmRun(opts: AliasOptions & { name: string }): void {
  if (!opts.aliases.remove(opts.name)) throw new UsageError(`no alias "${opts.name}"`, 'see `tokencli alias`');
  if (opts.json) return printJson(opts.io, { removed: opts.name });
  success(opts.io, opts.quiet, `Removed the alias ${opts.name}`);
}
