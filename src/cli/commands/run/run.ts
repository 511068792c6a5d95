/**
 * `tokencli run`: a prompt from arguments, files and stdin, streamed to stdout, recorded in the
 * ledger however it ends. The order is the ledger's promise: the hard-budget check, then a
 * write-ahead row holding the run's worst case, then the request, then the row completed (in the
 * journal when the ledger cannot take it; a distinct exit code when nothing can).
 *
 * The order above is the whole point of this file, so it stays in one piece (about 250 lines, half
 * of them the command's flags and help); the parts that are not order live beside it.
 */
import { randomUUID } from 'node:crypto';
import { Command, Option } from 'commander';
import { NotRecordedError } from '../../../ledger/errors.js';
import { RunRecorder, type RecordedIn } from '../../../ledger/recorder.js';
import type { Context } from '../../context.js';
import { CliError, Exit, InterruptedError, StdoutClosedError, UsageError } from '../../errors.js';
import { note, warn } from '../../io/messages.js';
import type { IOStreams } from '../../io/streams.js';
import { printJson } from '../../io/json.js';
import { nearest } from '../../io/suggest.js';
import { positiveInteger, temperature } from '../../flags.js';
import { exitCodeFor, trapSignals, TRAPPED_SIGNALS, type TrappedSignal } from '../../signals.js';
import { keepYoungGenerationSmall } from '../../young-generation.js';
import { RunEstimator } from './estimate.js';
import { assemblePrompt, MAX_FILE_BYTES, type AssembledPrompt } from './prompt.js';
import { fillTemplate } from '../../../config/templates.js';
import { conversationMessages, finishTurn, openConversation, turnWriter } from './conversation.js';
import { AnswerText } from './answer-text.js';
import { definedOnly, runOptionsFor, type RunFlags, type RunOptions } from '../../run-options.js';
import { runEnd, runStart } from './record.js';
import { sendPrompt } from './request.js';
import { fileSink, markdownSink, type AnswerSink } from './output.js';
import { afterRun, enforceHardBudgets } from './budget-guard.js';
import { summaryLine } from './summary.js';

export type { RunOptions } from '../../run-options.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export function runCommand(ctx: Context, runF = runRun): Command {
  return new Command('run')
    .description('Send a prompt (arguments and/or stdin) and stream the answer to stdout')
    .argument('[prompt...]', 'the prompt; piped stdin comes first, then --file contents, then this')
    .option('-m, --model <id>', 'model to use (default: `tokencli config get model`)')
    .option('-s, --system <text>', 'system prompt')
    .option('-f, --file <path>', `add a file as context (repeatable; - is stdin; text files up to ${MAX_FILE_BYTES / 1024 / 1024} MiB)`, collect, [])
    .addOption(new Option('--max-tokens <n>', 'most completion tokens to generate (and to hold for)').argParser(positiveInteger('--max-tokens')))
    .addOption(new Option('--temperature <t>', 'sampling temperature, 0 to 2').argParser(temperature))
    .option('--no-stream', 'wait for the whole answer instead of streaming it')
    .option('--usage', 'print the usage line on stderr even when it is not a terminal', false)
    .option('--dry-run', 'send nothing: show the estimated prompt tokens and plan-token cost', false)
    .option('--force', 'run even when a hard budget would refuse it (and record that)', false)
    .option('--raw', 'print the answer as it comes: no markdown rendering on a terminal, control sequences passed through', false)
    .option('-n, --no-stdin', 'do not read standard input (for `while read` loops; as ssh -n)')
    .option('-o, --output <file>', 'write the answer to FILE instead of stdout')
    .option('-t, --template <name>', 'use a template: its system prompt, prompt ($input is yours), model and settings')
    .option('-p, --param <name=value>', 'a template parameter (repeatable)', collect, [])
    .option('-c, --continue', 'continue the most recent conversation (its turns are sent again)', false)
    .option('--cid <id>', 'continue this conversation (see `tokencli logs`)')
    .addHelpText(
      'after',
      `
Only the answer goes to stdout; the spinner and the usage line go to stderr. Every run is in the
ledger before its request leaves and is completed however it ends (Ctrl-C, SIGTERM, SIGHUP exit
128+n; an answer cut short exits 3 and is recorded as truncated).

Examples:
  $ tokencli run -m demo-mini "Write a haiku about prepaid tokens"
  $ git diff | tokencli run "review this"
  $ tokencli run -f main.ts -s "You are terse" "what does this do?" --usage
  $ tokencli run --dry-run --max-tokens 500 -m demo-pro "estimate me"
  $ while read f; do tokencli run -n -f "$f" "summarise" -o "$f.summary"; done < files.txt`,
    )
    .action(async (args: string[], flags: RunFlags) => {
      keepYoungGenerationSmall();
      const trap = trapSignals();
      try {
        await runF(await runOptionsFor(ctx, args, flags, trap.signal));
      } finally {
        trap.release();
      }
    });
}

export async function runRun(opts: RunOptions): Promise<void> {
  // Reading the prompt (a slow pipe, a FIFO) must not outlast Ctrl-C or SIGTERM.
  const assembled = await untilInterrupted(assemblePrompt(opts.io, { args: opts.args, files: opts.files, readStdin: opts.readStdin, allowEmpty: opts.template?.prompt !== undefined }), opts.interrupt);
  const prompt = withTemplate(opts, assembled);
  if (!opts.model) throw new UsageError('no model given', 'pass -m MODEL, or set a default: tokencli config set model MODEL (see `tokencli models`)');
  const model = opts.model;
  const continuing = opts.conversation.continueLast || opts.conversation.id !== undefined;
  const conversation = openConversation(continuing ? await opts.readLedger() : undefined, opts.profile, opts.conversation);
  if (opts.dryRun) {
    const cached = (await opts.providerCache()).models()?.find((m) => m.id === model);
    // Loaded here: a dry run prints a table, which a run that sends never needs.
    const { printDryRun } = await import('./dry-run.js');
    return printDryRun(opts, model, await conversationMessages(opts.io, conversation, prompt.text, opts.system, cached, opts.maxTokens));
  }

  // Without a client (no key, bad URL) nothing can be sent: that is not a run to record.
  const client = await opts.client();
  const info = await RunEstimator.modelFor(opts.providerCache, async () => client, model);
  await refuseUnknownModel(opts, model);
  const messages = await conversationMessages(opts.io, conversation, prompt.text, opts.system, info, opts.maxTokens);
  const estimator = RunEstimator.of(info, messages, opts.maxTokens, opts.now());
  const ledger = await opts.ledger().catch(async (e: unknown) => {
    // A damaged ledger has been moved aside and must be reported; a locked or read-only one is
    // still read for the budget check, and the run's rows go to the journal.
    if ((e as Error).name === 'LedgerError' && !(await opts.readLedger().catch(() => undefined))) throw e;
    return undefined;
  });
  const budgetCheck = await enforceHardBudgets(opts, ledger ?? (await opts.readLedger()), estimator);
  await afterNextPoll();
  if (opts.interrupt.aborted) throw interruptedBeforeSending(opts.interrupt);

  const runId = randomUUID();
  const who = { runId, profile: opts.profile, provider: opts.provider, apiUrl: opts.apiUrl, account: await opts.account(), model, forced: opts.force };
  const start = runStart(who, estimator, opts.now(), opts.pid);
  const recorder = new RunRecorder(() => {
    if (!ledger) throw Object.assign(new Error('the ledger could not be opened for writing'), { code: 'LEDGER_UNAVAILABLE' });
    return ledger;
  }, opts.journalFile);
  let begun: RecordedIn;
  try {
    begun = recorder.begin(start, budgetCheck);
  } catch (e) {
    if (e instanceof NotRecordedError) throw new CliError(`the run could not be recorded, so it was not sent: ${e.ledgerProblem}; ${e.journalProblem}`, Exit.NOT_RECORDED, 'make the tokencli home writable (TOKENCLI_HOME), or free some disk space');
    throw e;
  }

  const sink = await answerSink(opts);
  // Before the request: the quota windows its answer carries were read by the server after this.
  const askedAt = opts.now();
  // The history's entry is written as the answer arrives, part by part: a long answer is never held
  // whole. Not when the run's row went to the journal: the entry would refer to a row that this
  // process never puts in the ledger (the journal does not carry entries).
  const writer = begun === 'ledger' ? turnWriter(ledger, opts.keepHistory, { runId, conversationId: conversation.id, system: opts.system, prompt: prompt.text, files: prompt.files }) : undefined;
  const text = new AnswerText(opts.json, writer && ((t) => writer.add(t)));
  const answer = await sendPrompt(sink, client, { runId, model, messages, ...definedOnly({ maxTokens: opts.maxTokens, temperature: opts.temperature }), stream: opts.stream, print: !opts.json, raw: opts.raw, text }, opts.interrupt).finally(() => sink !== opts.io && (sink as AnswerSink).close());
  const figures = await runEnd(runId, answer, estimator);
  if (figures.distrusted) warn(opts.io, figures.distrusted);
  try {
    if (recorder.complete(figures.end, start) === 'journal') {
      warn(opts.io, `the ledger could not take run ${runId} (${recorder.problem}); it is in ${opts.journalFile} and the next command adds it`);
    }
  } catch (e) {
    if (!(e instanceof NotRecordedError)) throw e;
    throw new CliError(
      `run ${runId} (${figures.end.billed_tokens} plan tokens${figures.end.source === 'estimate' ? ', estimated' : ''}) happened but could not be recorded: ${e.ledgerProblem}; ${e.journalProblem}`,
      Exit.NOT_RECORDED,
      'do not retry blind: it may have been billed (see `tokencli usage --server`)',
    );
  }
  if (writer) finishTurn(opts.io, writer);
  else if (begun === 'journal' && ledger && opts.keepHistory) warn(opts.io, "the history could not keep this run's prompt and answer (its record is in the journal); its counts are recorded");
  if (ledger) await afterRun(opts, ledger, client, { ...(answer.headers ? { headers: answer.headers } : {}), billed: figures.end.billed_tokens, askedAt });

  const summary = summaryLine({ usage: figures.usage, billedTokens: figures.end.billed_tokens, source: figures.end.source, durationMs: answer.durationMs, ttftMs: answer.ttftMs });
  // Under --json the run is the document, also when it ended early with some text: a script gets
  // what arrived and the status that says it is partial (the error itself goes to stderr).
  if (opts.json && (!answer.failure && !answer.stoppedBy ? true : answer.text.length > 0) && !opts.io.stdoutClosed.aborted) {
    printJson(opts.io, {
      id: runId,
      conversation_id: opts.keepHistory ? conversation.id : null,
      model,
      content: answer.text.content,
      finish_reason: answer.finishReason,
      usage: figures.usage,
      status: figures.end.status,
      source: figures.end.source,
      duration_ms: answer.durationMs,
      ttft_ms: answer.ttftMs,
    });
  }
  if (answer.stoppedBy) {
    if (answer.stoppedBy === 'stdout closed' || opts.io.stdoutClosed.aborted) throw new StdoutClosedError();
    const sig = answer.stoppedBy as TrappedSignal;
    const exitCode = TRAPPED_SIGNALS.includes(sig) ? exitCodeFor(sig) : Exit.INTERRUPTED;
    throw new InterruptedError(`${sig === 'SIGINT' ? 'interrupted' : `stopped by ${sig}`}: the partial answer is recorded (${summary})`, exitCode);
  }
  if (answer.failure) throw answer.failure;
  if (opts.io.isStderrTTY || opts.usage) note(opts.io, opts.quiet && !opts.usage, opts.io.errColor.dim(summary));
}

/** A file (-o), markdown rendered on the terminal (unless --raw or --json), or stdout as it came. */
async function answerSink(opts: RunOptions): Promise<IOStreams | AnswerSink> {
  if (opts.output !== undefined) return fileSink(opts.io, opts.output);
  if (opts.screen && opts.render && !opts.json && opts.io.isStdoutTTY) return markdownSink(opts.io, opts.screen);
  return opts.io;
}

function interruptedBeforeSending(interrupt: AbortSignal): InterruptedError {
  const sig = String(interrupt.reason) as TrappedSignal;
  return new InterruptedError('interrupted before the request was sent: nothing was spent', TRAPPED_SIGNALS.includes(sig) ? exitCodeFor(sig) : Exit.INTERRUPTED);
}

/**
 * Resolves once the event loop has polled again. A Ctrl-C that came with the end of piped stdin is
 * seen only by the next poll, and everything from that end to the request is synchronous (the
 * ledger, the chunks loaded by require): without this, such a run was sent and billed. The first
 * setImmediate runs in this turn's check phase, before any poll; the second after the next one.
 */
const afterNextPoll = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

function untilInterrupted<T>(work: Promise<T>, interrupt: AbortSignal): Promise<T> {
  if (interrupt.aborted) return Promise.reject(interruptedBeforeSending(interrupt));
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(interruptedBeforeSending(interrupt));
    interrupt.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => interrupt.removeEventListener('abort', stop));
  });
}

/**
 * A model the provider's list does not have is a typo, not a run: refused before anything is sent
 * or recorded, with the nearest names. Providers whose list could not be read are given the benefit
 * of the doubt.
 */
async function refuseUnknownModel(opts: RunOptions, model: string): Promise<void> {
  const known = (await opts.providerCache()).models()?.map((m) => m.id);
  if (!known || known.length === 0 || known.includes(model)) return;
  const near = nearest(model, known);
  throw new UsageError(`unknown model "${model}"`, near.length ? `did you mean ${near.join(' or ')}? (see \`tokencli models\`)` : 'see `tokencli models`');
}

/** The prompt the template makes of the input, or the input itself. */
function withTemplate(opts: RunOptions, input: AssembledPrompt): AssembledPrompt {
  if (!opts.template) return input;
  const { prompt, missing } = fillTemplate(opts.template, input.text, opts.params);
  if (missing.length) throw new UsageError(`the template needs ${missing.map((m) => `$${m}`).join(', ')}`, `give ${missing.map((m) => `-p ${m}=...`).join(' ')}`);
  if (!prompt.trim()) throw new UsageError('no prompt: the template made an empty one from an empty input', 'pass the input as an argument or on stdin');
  return { text: prompt, files: input.files };
}
