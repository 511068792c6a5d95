/** `tokencli logs rm ID... | --all`: forget what runs asked and answered. Their counts stay: budgets are not changed. */
import { Command } from 'commander';
import { History } from '../../../ledger/history.js';
import type { Ledger } from '../../../ledger/ledger.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { success } from '../../io/messages.js';
import type { IOStreams } from '../../io/streams.js';
import { printJson } from '../../io/json.js';

export interface LogsRmOptions {
  io: IOStreams;
  ledger: () => Promise<Ledger>;
  ids: string[];
  all: boolean;
  json: boolean;
  quiet: boolean;
}

export function logsRmCommand(ctx: Context, runF = logsRmRun): Command {
  return new Command('rm')
    .description('Delete the prompt and answer of runs (their counts stay in the ledger)')
    .argument('[ids...]', 'run ids, or their first characters')
    .option('--all', 'every run\'s prompt and answer', false)
    .addHelpText('after', '\nExamples:\n  $ tokencli logs rm 3f2a\n  $ tokencli logs rm --all')
    .action(async (ids: string[], flags: { all: boolean }) => runF({ io: ctx.io, ledger: ctx.ledger, ids, all: flags.all, json: ctx.globals.json, quiet: ctx.globals.quiet }));
}

export async function logsRmRun(opts: LogsRmOptions): Promise<void> {
  if (!opts.all && opts.ids.length === 0) throw new UsageError('which runs? give their ids, or --all');
  // Ids beside --all say the user meant only those: deleting every run instead cannot be undone.
  if (opts.all && opts.ids.length > 0) throw new UsageError('give run ids or --all, not both');
  const history = new History((await opts.ledger()).db);
  const ids = opts.ids.map((id) => {
    const run = history.find(id);
    if (run === 'ambiguous') throw new UsageError(`more than one run starts with "${id}"`, 'give more of the id');
    if (!run) throw new UsageError(`no run "${id}" in the ledger`);
    return run.id;
  });
  const removed = history.remove(opts.all ? 'all' : ids);
  if (opts.json) return printJson(opts.io, { removed });
  success(opts.io, opts.quiet, `Deleted the prompt and answer of ${removed} run${removed === 1 ? '' : 's'}; their counts stay`);
}
