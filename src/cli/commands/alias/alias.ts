/** `tokencli alias`: short names for models (`alias set fast demo-mini`, then `run -m fast`); listed by itself. */
import { Command } from 'commander';
import type { AliasStore } from '../../../config/aliases.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { note, success } from '../../io/messages.js';
import type { IOStreams } from '../../io/streams.js';
import { printJson, printTable } from '../../io/table.js';

export interface AliasOptions {
  io: IOStreams;
  aliases: AliasStore;
  json: boolean;
  quiet: boolean;
}

const options = (ctx: Context): AliasOptions => ({ io: ctx.io, aliases: ctx.aliases(), json: ctx.globals.json, quiet: ctx.globals.quiet });

export function aliasCommand(ctx: Context, runF = aliasListRun): Command {
  return new Command('alias')
    .description('Short names for models: list them, set one, remove one')
    .addHelpText('after', '\nExamples:\n  $ tokencli alias set fast demo-mini\n  $ tokencli run -m fast "hi"\n  $ tokencli alias rm fast')
    .action(() => runF(options(ctx)))
    .addCommand(
      new Command('set')
        .description('Make NAME stand for MODEL wherever a model is named (-m, templates)')
        .argument('<name>', 'the short name')
        .argument('<model>', 'the model id it stands for')
        .addHelpText('after', '\nExample:\n  $ tokencli alias set fast demo-mini')
        .action((name: string, model: string) => aliasSetRun({ ...options(ctx), name, model })),
    )
    .addCommand(
      new Command('rm')
        .description('Remove an alias')
        .argument('<name>', 'the short name')
        .addHelpText('after', '\nExample:\n  $ tokencli alias rm fast')
        .action((name: string) => aliasRmRun({ ...options(ctx), name })),
    );
}

export function aliasListRun(opts: AliasOptions): void {
  const all = Object.entries(opts.aliases.all()).map(([name, model]) => ({ name, model }));
  if (opts.json) return printJson(opts.io, { aliases: all });
  if (all.length === 0) return note(opts.io, false, 'no aliases yet: tokencli alias set NAME MODEL');
  printTable(opts.io, [
    { key: 'name', title: 'alias', human: (a) => a.name, raw: (a) => a.name },
    { key: 'model', title: 'model', human: (a) => a.model, raw: (a) => a.model },
  ], all);
}

export function aliasSetRun(opts: AliasOptions & { name: string; model: string }): void {
  if (!/^[\w.:-]+$/.test(opts.name)) throw new UsageError(`"${opts.name}" cannot be an alias`, 'use letters, digits, dot, colon, dash and underscore');
  opts.aliases.set(opts.name, opts.model);
  if (opts.json) return printJson(opts.io, { name: opts.name, model: opts.model });
  success(opts.io, opts.quiet, `${opts.name} now stands for ${opts.model}`);
}

export function aliasRmRun(opts: AliasOptions & { name: string }): void {
  if (!opts.aliases.remove(opts.name)) throw new UsageError(`no alias "${opts.name}"`, 'see `tokencli alias`');
  if (opts.json) return printJson(opts.io, { removed: opts.name });
  success(opts.io, opts.quiet, `Removed the alias ${opts.name}`);
}
