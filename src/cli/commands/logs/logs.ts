/**
 * `tokencli logs`: what was asked and answered, with what it cost, from the history beside the
 * ledger (offline). The last N runs, a full-text search, or the last answer printed again without a
 * request; `logs show ID` and `logs rm` are the verbs beside it.
 */
import { Command, Option } from 'commander';
import { History, type LoggedRun } from '../../../ledger/history.js';
import type { Ledger } from '../../../ledger/ledger.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { positiveInteger } from '../../flags.js';
import { formatTokens, relativeTime } from '../../io/format.js';
import { note } from '../../io/messages.js';
import type { IOStreams } from '../../io/streams.js';
import { printTable } from '../../io/table.js';
import { printJson } from '../../io/json.js';
import { visibleControls } from '../../io/terminal-text.js';
import { answerView, shownAnswer, type AnswerView } from './answer.js';
import { logsRmCommand } from './rm.js';
import { logsShowCommand } from './show.js';

export interface LogsOptions {
  io: IOStreams;
  readLedger: () => Promise<Ledger>;
  profile: string;
  limit: number;
  search?: string;
  last: boolean;
  all: boolean;
  json: boolean;
  now: () => Date;
  /** How `--last` shows the answer: rendered on a terminal as `run` renders it, as stored when piped or --raw. */
  view: AnswerView;
}

export function logsCommand(ctx: Context, runF = logsRun): Command {
  return new Command('logs')
    .description('The history of runs: what was asked, what it answered, what it cost (offline)')
    .addOption(new Option('-n, --count <n>', 'how many runs, newest first').default(10).argParser(positiveInteger('--count')))
    .option('--search <text>', 'only runs whose prompt or answer has these words (full text)')
    .option('--last', 'print the last answer again, without a request', false)
    .option('--all-profiles', 'every profile, not only the one in use', false)
    .option('--raw', 'with --last: print the answer as stored, no markdown rendering on a terminal', false)
    .addHelpText('after', '\nExamples:\n  $ tokencli logs\n  $ tokencli logs --search "budget alert" --json\n  $ tokencli logs --last > answer.md\n  $ tokencli logs show 3f2a')
    .action(async (flags: { count: number; search?: string; last: boolean; allProfiles: boolean; raw: boolean }) =>
      runF({
        io: ctx.io,
        readLedger: ctx.readLedger,
        profile: await ctx.profileName(),
        limit: flags.count,
        ...(flags.search !== undefined ? { search: flags.search } : {}),
        last: flags.last,
        all: flags.allProfiles,
        json: ctx.globals.json,
        now: ctx.now,
        view: await answerView(ctx, flags.raw),
      }),
    )
    .addCommand(logsShowCommand(ctx))
    .addCommand(logsRmCommand(ctx));
}

export async function logsRun(opts: LogsOptions): Promise<void> {
  const history = new History((await opts.readLedger()).db);
  const scope = opts.all ? {} : { profile: opts.profile };
  if (opts.last) {
    const [last] = history.list({ ...scope, limit: 1 });
    if (!last || last.answer === null) throw new UsageError('no answer in the history to print', 'history keeps answers while `tokencli config get history` is on, until `tokencli logs rm` deletes them');
    if (opts.json) return printJson(opts.io, last);
    opts.io.out(await shownAnswer(opts.io, last.answer, opts.view));
    return;
  }
  const runs = history.list({ ...scope, limit: opts.limit, ...(opts.search !== undefined ? { search: opts.search } : {}) });
  if (opts.json) return printJson(opts.io, { runs });
  if (runs.length === 0) return note(opts.io, false, opts.search ? `no run in the history matches "${opts.search}"` : 'no runs yet');
  printTable<LoggedRun>(opts.io, [
    { key: 'id', title: 'id', human: (r) => r.id.slice(0, 8), raw: (r) => r.id },
    { key: 'created_at', title: 'when', human: (r) => relativeTime(r.created_at, opts.now()), raw: (r) => r.created_at, drop: 2 },
    { key: 'model', title: 'model', human: (r) => r.model, raw: (r) => r.model, drop: 3 },
    { key: 'billed_tokens', title: 'plan tokens', human: (r) => formatTokens(r.billed_tokens), raw: (r) => r.billed_tokens },
    { key: 'status', title: 'status', human: (r) => r.status, raw: (r) => r.status, drop: 1 },
    { key: 'prompt', title: 'prompt', human: (r) => preview(r.prompt), raw: (r) => r.prompt },
    { key: 'answer', title: 'answer', human: (r) => preview(r.answer), raw: (r) => r.answer, drop: 4 },
  ], runs);
}

/**
 * One line of a text, for a table on a terminal (piped, the raw cell is the text as stored, as
 * `run` passes an answer piped): control sequences made visible, as `run` makes them, so that a
 * stored prompt or answer cannot clear the screen or set the clipboard.
 */
const preview = (text: string | null) => (text === null ? '(not kept)' : visibleControls(text.replace(/\s+/g, ' ').trim().slice(0, 80)));
