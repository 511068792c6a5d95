/** `tokencli alias set NAME MODEL`: make a short name stand for a model wherever one is named. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { success } from '../../io/messages.js';
import { printJson } from '../../io/json.js';
import { aliasOptions, type AliasOptions } from './shared.js';

export function aliasSetCommand(ctx: Context, runF = aliasSetRun): Command {
  return new Command('set')
    .description('Make NAME stand for MODEL wherever a model is named (-m, templates)')
    .argument('<name>', 'the short name')
    .argument('<model>', 'the model id it stands for')
    .addHelpText('after', '\nExample:\n  $ tokencli alias set fast demo-mini')
    .action((name: string, model: string) => runF({ ...aliasOptions(ctx), name, model }));
}

export function aliasSetRun(opts: AliasOptions & { name: string; model: string }): void {
  if (!/^[\w.:-]+$/.test(opts.name)) throw new UsageError(`"${opts.name}" cannot be an alias`, 'use letters, digits, dot, colon, dash and underscore');
  opts.aliases.set(opts.name, opts.model);
  if (opts.json) return printJson(opts.io, { name: opts.name, model: opts.model });
  success(opts.io, opts.quiet, `${opts.name} now stands for ${opts.model}`);
}
