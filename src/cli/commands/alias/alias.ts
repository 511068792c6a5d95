/** `tokencli alias`: short names for models (`alias set fast demo-mini`, then `run -m fast`); listed by itself. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { note } from '../../io/messages.js';
import { printTable } from '../../io/table.js';
import { printJson } from '../../io/json.js';
import { aliasRmCommand } from './rm.js';
import { aliasSetCommand } from './set.js';
import { aliasOptions, type AliasOptions } from './shared.js';

export function aliasCommand(ctx: Context, runF = aliasListRun): Command {
  return new Command('alias')
    .description('Short names for models: list them, set one, remove one')
    .addHelpText('after', '\nExamples:\n  $ tokencli alias set fast demo-mini\n  $ tokencli run -m fast "hi"\n  $ tokencli alias rm fast')
    .action(() => runF(aliasOptions(ctx)))
    .addCommand(aliasSetCommand(ctx))
    .addCommand(aliasRmCommand(ctx));
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
