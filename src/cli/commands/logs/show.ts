/** `tokencli logs show ID`: one run whole: its figures, its system prompt, files, prompt and answer. */
import { Command } from 'commander';
import { History } from '../../../ledger/history.js';
import type { Ledger } from '../../../ledger/ledger.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { formatTokens } from '../../io/format.js';
import type { IOStreams } from '../../io/streams.js';
import { printJson } from '../../io/json.js';
import { visibleControls } from '../../io/terminal-text.js';
import { answerView, shownAnswer, type AnswerView } from './answer.js';

export interface LogsShowOptions {
  io: IOStreams;
  readLedger: () => Promise<Ledger>;
  id: string;
  json: boolean;
  /** How the answer is shown: rendered on a terminal as `run` renders it, as stored when piped or --raw. */
  view: AnswerView;
}

export function logsShowCommand(ctx: Context, runF = logsShowRun): Command {
  return new Command('show')
    .description('One run whole: figures, system prompt, files, prompt and answer')
    .argument('<id>', 'run id, or its first characters')
    .option('--raw', 'print the prompt and answer as stored: no markdown rendering on a terminal', false)
    .addHelpText('after', '\nExamples:\n  $ tokencli logs show 3f2a\n  $ tokencli logs show 3f2a --raw')
    .action(async (id: string, flags: { raw: boolean }) => runF({ io: ctx.io, readLedger: ctx.readLedger, id, json: ctx.globals.json, view: await answerView(ctx, flags.raw) }));
}

/** A run with counts and no content: history was off when it ran, or `logs rm` deleted it since. */
const NOT_KEPT = '(not kept: history was off, or deleted with `tokencli logs rm`)';

export async function logsShowRun(opts: LogsShowOptions): Promise<void> {
  const run = new History((await opts.readLedger()).db).find(opts.id);
  if (run === 'ambiguous') throw new UsageError(`more than one run starts with "${opts.id}"`, 'give more of the id');
  if (!run) throw new UsageError(`no run "${opts.id}" in the ledger`, 'see `tokencli logs`');
  if (opts.json) return printJson(opts.io, run);
  const c = opts.io.color;
  const typed = (text: string) => (opts.view.safe ? visibleControls(text) : text);
  const lines = [
    `${c.bold('run')} ${run.id}  ${run.created_at}  ${run.model}  ${run.status}`,
    `${c.bold('cost')} ${formatTokens(run.prompt_tokens)} in · ${formatTokens(run.completion_tokens)} out · ${formatTokens(run.billed_tokens)} plan tokens${run.source === 'estimate' ? ' (estimated)' : ''}`,
    ...(run.conversation_id ? [`${c.bold('conversation')} ${run.conversation_id}`] : []),
    ...(run.system ? ['', c.bold('system'), typed(run.system)] : []),
    ...run.files.map((f) => `${c.bold('file')} ${f.path} (${f.bytes} bytes, sha256 ${f.sha256.slice(0, 12)})`),
    '',
    c.bold('prompt'),
    run.prompt === null ? NOT_KEPT : typed(run.prompt),
    '',
    c.bold('answer'),
  ];
  opts.io.out(lines.join('\n') + '\n' + (run.answer === null ? `${NOT_KEPT}\n` : await shownAnswer(opts.io, run.answer, opts.view)));
}
