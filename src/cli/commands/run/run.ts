import { randomUUID } from 'node:crypto';
import { Command, Option } from 'commander';
import type { TokenClient } from '../../../client/client.js';
import { ApiError } from '../../../client/errors.js';
import type { Ledger, RunStatus, UsageSource } from '../../../ledger/ledger.js';
import type { ChatMessage, ChatRequest, ChatUsage } from '../../../shared/wire.js';
import { billedTokens } from '../../../tokens/billing.js';
import { countPromptTokens, loadTokenCounter } from '../../../tokens/estimate.js';
import type { Context } from '../../context.js';
import { InterruptedError, StdoutClosedError, UsageError } from '../../errors.js';
import type { IOStreams } from '../../io/streams.js';
import { note, warn } from '../../io/messages.js';
import { budgetStates, checkHardBudgets, raiseAlerts, shellAlertRunner, type AlertRunner } from '../../budgets.js';
import { wouldExceed } from '../../../ledger/budget.js';
import { printJson } from '../../io/table.js';
import { ratesOf, type ProviderCache } from '../../provider-cache.js';
import { positiveInteger } from '../../program.js';
import { printDryRun } from './dry-run.js';
import { assemblePrompt, messagesFor } from './prompt.js';
import { summaryLine } from './summary.js';

export interface RunOptions {
  io: IOStreams;
  client: () => Promise<TokenClient>;
  ledger: () => Promise<Ledger>;
  catalog: () => Promise<ProviderCache>;
  profile: string;
  provider: string;
  model?: string;
  args: string[];
  files: string[];
  system?: string;
  maxTokens?: number;
  temperature?: number;
  stream: boolean;
  json: boolean;
  usage: boolean;
  dryRun: boolean;
  force: boolean;
  quiet: boolean;
  /** Aborts on Ctrl-C. */
  interrupt: AbortSignal;
  now: () => Date;
  timeZone: () => Promise<string>;
  runAlert: AlertRunner;
}

export interface RunOutcome {
  runId: string;
  model: string;
  content: string;
  finishReason: string | null;
  usage: ChatUsage;
  billedTokens: number;
  source: UsageSource;
  status: RunStatus;
  durationMs: number;
  ttftMs: number | null;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function runCommand(ctx: Context, runF = runRun): Command {
  return new Command('run')
    .description('Send a prompt (arguments and/or stdin) and stream the answer to stdout')
    .argument('[prompt...]', 'the prompt; piped stdin comes first, then --file contents, then this')
    .option('-m, --model <id>', 'model to use (default: `tokencli config get model`)')
    .option('-s, --system <text>', 'system prompt')
    .option('-f, --file <path>', 'add a file as context (repeatable)', collect, [])
    .addOption(new Option('--max-tokens <n>', 'most completion tokens to generate (and to hold for)').argParser(positiveInteger('--max-tokens')))
    .addOption(new Option('--temperature <t>', 'sampling temperature, 0 to 2').argParser(temperature))
    .option('--no-stream', 'wait for the whole answer instead of streaming it')
    .option('--usage', 'print the usage line on stderr even when it is not a terminal', false)
    .option('--dry-run', 'send nothing: show the estimated prompt tokens and plan-token cost', false)
    .option('--force', 'run even when a hard budget would refuse it (and record that)', false)
    .addHelpText(
      'after',
      `
Only the answer goes to stdout; the spinner and the usage line go to stderr. Every run, also an
interrupted one, is recorded in the local ledger.

Examples:
  $ tokencli run -m demo-mini "Write a haiku about prepaid tokens"
  $ git diff | tokencli run "review this"
  $ tokencli run -f main.ts -s "You are terse" "what does this do?" --usage
  $ tokencli run --dry-run --max-tokens 500 -m demo-pro "estimate me"`,
    )
    .action(async (args: string[], flags: { model?: string; system?: string; file: string[]; maxTokens?: number; temperature?: number; stream: boolean; usage: boolean; dryRun: boolean; force: boolean }) => {
      const interrupt = new AbortController();
      const onSigint = () => interrupt.abort();
      // The first Ctrl-C stops the stream and records it; a second one kills the process outright.
      process.once('SIGINT', onSigint);
      const profile = await ctx.profile();
      try {
        await runF({
          io: ctx.io,
          client: () => ctx.client({ requireKey: true }),
          ledger: ctx.ledger,
          catalog: ctx.catalog,
          profile: await ctx.profileName(),
          provider: profile?.provider ?? 'tokenplan',
          ...definedOnly({ model: flags.model ?? profile?.model, system: flags.system, maxTokens: flags.maxTokens, temperature: flags.temperature }),
          args,
          files: flags.file,
          stream: flags.stream,
          json: ctx.globals.json,
          usage: flags.usage,
          dryRun: flags.dryRun,
          force: flags.force,
          quiet: ctx.globals.quiet,
          interrupt: interrupt.signal,
          now: ctx.now,
          timeZone: ctx.timeZone,
          runAlert: shellAlertRunner(ctx.env),
        });
      } finally {
        process.off('SIGINT', onSigint);
      }
    });
}

function temperature(value: string): number {
  const t = Number(value);
  if (!Number.isFinite(t) || t < 0 || t > 2) throw new UsageError(`--temperature must be between 0 and 2, not "${value}"`);
  return t;
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function runRun(opts: RunOptions): Promise<void> {
  const prompt = await assemblePrompt(opts.io, { args: opts.args, files: opts.files });
  if (!opts.model) throw new UsageError('no model given', 'pass -m MODEL, or set a default: tokencli config set model MODEL (see `tokencli models`)');
  const messages = messagesFor(prompt, opts.system);
  if (opts.dryRun) return printDryRun(opts, opts.model, messages);

  const ledger = await opts.ledger();
  await enforceHardBudgets(opts, ledger, opts.model, messages);
  const outcome = await streamOrFetch(opts, opts.model, messages);
  ledger.recordRun({
    id: outcome.runId,
    created_at: new Date(opts.now().getTime() - outcome.durationMs).toISOString(),
    profile: opts.profile,
    provider: opts.provider,
    model: outcome.model,
    prompt_tokens: outcome.usage.prompt_tokens,
    completion_tokens: outcome.usage.completion_tokens,
    billed_tokens: outcome.billedTokens,
    cost_minor: null,
    currency: null,
    status: outcome.status,
    source: outcome.source,
    duration_ms: outcome.durationMs,
    ttft_ms: outcome.ttftMs,
    forced: opts.force,
    error: outcome.failure ? String((outcome.failure as Error).message ?? outcome.failure) : null,
  });
  if (outcome.billedTokens > 0) await raiseAlerts(ledger, await budgetStates(ledger, opts.profile, opts.now(), opts.timeZone), opts.io, opts.now(), opts.runAlert);

  if (outcome.status === 'interrupted') {
    if (opts.io.stdoutClosed.aborted) throw new StdoutClosedError();
    throw new InterruptedError(`interrupted: the partial answer is recorded (${summaryLine(outcome)})`);
  }
  if (outcome.failure) throw outcome.failure;
  if (opts.json) {
    printJson(opts.io, {
      id: outcome.runId,
      model: outcome.model,
      content: outcome.content,
      finish_reason: outcome.finishReason,
      usage: outcome.usage,
      status: outcome.status,
      source: outcome.source,
      duration_ms: outcome.durationMs,
      ttft_ms: outcome.ttftMs,
    });
  }
  if (opts.io.isStderrTTY || opts.usage) note(opts.io, opts.quiet && !opts.usage, opts.io.errColor.dim(summaryLine(outcome)));
}

/**
 * Before any request: a run whose estimate (prompt + --max-tokens at the model's cached rates)
 * would take a hard budget past its limit is refused, unless --force. The tokenizer is loaded
 * only when there is a hard budget to check.
 */
async function enforceHardBudgets(opts: RunOptions, ledger: Ledger, model: string, messages: ChatMessage[]): Promise<void> {
  const states = await budgetStates(ledger, opts.profile, opts.now(), opts.timeZone);
  if (!states.some((s) => s.budget.hard)) return;
  const rates = ratesOf(await cachedModel(opts, model));
  const estimate = billedTokens(countPromptTokens(messages, await loadTokenCounter()), opts.maxTokens ?? 0, rates);
  if (!opts.force) return checkHardBudgets(states, estimate);
  if (states.some((s) => wouldExceed(s, estimate))) warn(opts.io, 'over a hard budget: running anyway because of --force (recorded in the ledger)');
}

type Attempt = RunOutcome & { failure?: unknown };

/** Sends the request and writes each piece of the answer the moment it arrives. */
async function streamOrFetch(opts: RunOptions, model: string, messages: ChatMessage[]): Promise<Attempt> {
  const io = opts.io;
  const runId = randomUUID();
  const controller = new AbortController();
  const stop = () => controller.abort();
  opts.interrupt.addEventListener('abort', stop, { once: true });
  io.stdoutClosed.addEventListener('abort', stop, { once: true });
  const body: ChatRequest = {
    model,
    messages,
    ...(opts.maxTokens !== undefined ? { max_tokens: opts.maxTokens } : {}),
    ...(opts.temperature !== undefined ? { temperature: opts.temperature } : {}),
  };
  const started = performance.now();
  let ttftMs: number | null = null;
  let content = '';
  let usage: ChatUsage | undefined;
  let finishReason: string | null = null;
  let failure: unknown;
  const spinner = io.spinner(`Asking ${model}`);
  const emit = (text: string) => {
    if (!text) return;
    if (ttftMs === null) {
      ttftMs = Math.round(performance.now() - started);
      spinner.stop();
    }
    content += text;
    if (!opts.json) io.out(text);
  };
  // Without a client (no key, bad URL) nothing was sent: that is not a run to record.
  const client = await opts.client().catch((e: unknown) => {
    spinner.stop();
    throw e;
  });
  try {
    if (opts.stream) {
      const chunks = await client.chat.stream(body, { signal: controller.signal, idempotencyKey: runId });
      for await (const chunk of chunks) {
        if (chunk.usage) usage = chunk.usage;
        for (const choice of chunk.choices ?? []) {
          emit(choice.delta.content ?? '');
          if (choice.finish_reason) finishReason = choice.finish_reason;
        }
      }
    } else {
      const completion = await client.chat.create(body, { signal: controller.signal, idempotencyKey: runId });
      const choice = completion.choices[0];
      emit(choice?.message.content ?? '');
      finishReason = choice?.finish_reason ?? null;
      usage = completion.usage;
    }
  } catch (e) {
    failure = e;
  } finally {
    spinner.stop();
    opts.interrupt.removeEventListener('abort', stop);
    io.stdoutClosed.removeEventListener('abort', stop);
  }
  const durationMs = Math.round(performance.now() - started);
  if (content && !content.endsWith('\n') && !opts.json) io.out('\n');

  const interrupted = controller.signal.aborted;
  const status: RunStatus = interrupted ? 'interrupted' : failure ? 'error' : 'ok';
  const base = { runId, model, content, finishReason, status, durationMs, ttftMs, ...(failure && !interrupted ? { failure } : {}) };
  if (usage) return { ...base, usage, billedTokens: usage.billing?.billed_tokens ?? billedTokens(usage.prompt_tokens, usage.completion_tokens, ratesOf(await cachedModel(opts, model))), source: 'server' };
  // A failure before any answer (a 402, a refused connection) produced nothing to bill. A refusal
  // is the server's own word; anything else is our best estimate.
  if (failure && !interrupted && !content) {
    return { ...base, usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 }, billedTokens: 0, source: failure instanceof ApiError ? 'server' : 'estimate' };
  }
  // No usage from the server: count what was sent and received, and say it is an estimate.
  const counter = await loadTokenCounter();
  const prompt = countPromptTokens(messages, counter);
  const completion = counter.count(content);
  return {
    ...base,
    usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
    billedTokens: billedTokens(prompt, completion, ratesOf(await cachedModel(opts, model))),
    source: 'estimate',
  };
}

/** The model's rates from the cache only: recording a run must not wait on the network. */
async function cachedModel(opts: RunOptions, model: string) {
  return (await opts.catalog()).cached()?.find((m) => m.id === model);
}
