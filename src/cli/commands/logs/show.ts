/** `tokencli logs show ID`: one run whole: its figures, its system prompt, files, prompt and answer. */
import { Command } from 'commander';
import { History } from '../../../ledger/history.js';
import type { Ledger } from '../../../ledger/ledger.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { formatTokens } from '../../io/format.js';
import type { IOStreams } from '../../io/streams.js';
import { printJson } from '../../io/table.js';

export interface LogsShowOptions {
  io: IOStreams;
  readLedger: () => Promise<Ledger>;
  id: string;
  json: boolean;
}

export function logsShowCommand(ctx: Context, runF = logsShowRun): Command {
  return new Command('show')
    .description('One run whole: figures, system prompt, files, prompt and answer')
    .argument('<id>', 'run id, or its first characters')
    .addHelpText('after', '\nExample:\n  $ tokencli logs show 3f2a')
    .action(async (id: string) => runF({ io: ctx.io, readLedger: ctx.readLedger, id, json: ctx.globals.json }));
}

/** A run with counts and no content: history was off when it ran, or `logs rm` deleted it since. */
const NOT_KEPT = '(not kept: history was off, or deleted with `tokencli logs rm`)';

export async function logsShowRun(opts: LogsShowOptions): Promise<void> {
  const run = new History((await opts.readLedger()).db).find(opts.id);
  if (run === 'ambiguous') throw new UsageError(`more than one run starts with "${opts.id}"`, 'give more of the id');
  if (!run) throw new UsageError(`no run "${opts.id}" in the ledger`, 'see `tokencli logs`');
  if (opts.json) return printJson(opts.io, run);
  const c = opts.io.color;
  const lines = [
    `${c.bold('run')} ${run.id}  ${run.created_at}  ${run.model}  ${run.status}`,
    `${c.bold('cost')} ${formatTokens(run.prompt_tokens)} in · ${formatTokens(run.completion_tokens)} out · ${formatTokens(run.billed_tokens)} plan tokens${run.source === 'estimate' ? ' (estimated)' : ''}`,
    ...(run.conversation_id ? [`${c.bold('conversation')} ${run.conversation_id}`] : []),
    ...(run.system ? ['', c.bold('system'), run.system] : []),
    ...run.files.map((f) => `${c.bold('file')} ${f.path} (${f.bytes} bytes, sha256 ${f.sha256.slice(0, 12)})`),
    '',
    c.bold('prompt'),
    run.prompt ?? NOT_KEPT,
    '',
    c.bold('answer'),
    run.answer ?? NOT_KEPT,
  ];
  opts.io.out(lines.join('\n') + '\n');
}
