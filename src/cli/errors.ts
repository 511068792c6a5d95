/**
 * The CLI's error taxonomy and its one exit-code table. Commands throw; `main.ts` turns whatever
 * was thrown into a short message and an exit code here, and nowhere else.
 */
import { CommanderError } from 'commander';
import {
  AbortedError,
  ApiError,
  AuthenticationError,
  ClientError,
  ConnectionError,
  InsufficientQuotaError,
  MalformedResponseError,
  RateLimitError,
  TimeoutError,
  TruncatedStreamError,
} from '../client/errors.js';
import { scrubSecrets } from '../client/redact.js';
import { LocalFileError } from '../config/json-file.js';
import { LedgerError, NotRecordedError } from '../ledger/errors.js';
import { StdinTooLargeError } from './io/streams.js';
import { windowRefusalHint } from './commands/quota/refusal.js';

export const Exit = { OK: 0, ERROR: 1, USAGE: 2, NETWORK: 3, AUTH: 4, QUOTA: 5, NOT_RECORDED: 6, HANGUP: 129, INTERRUPTED: 130, TERMINATED: 143 } as const;

export const EXIT_CODES: readonly { code: number; meaning: string }[] = [
  { code: Exit.OK, meaning: 'success' },
  { code: Exit.ERROR, meaning: 'an error not listed below (server error, malformed response, local failure)' },
  { code: Exit.USAGE, meaning: 'usage error: bad flags or arguments (also when the server refuses one: an unknown id, a month with nothing to invoice), no prompt, a prompt needed where none can be shown' },
  { code: Exit.NETWORK, meaning: 'network: the server could not be reached or timed out' },
  { code: Exit.AUTH, meaning: 'authentication: no credential, the server rejected it, or a `login --web` was denied or its code expired' },
  { code: Exit.QUOTA, meaning: 'quota: insufficient balance (402), a hard budget reached, `balance --min` not met, or a phone-bill payment refused (monthly cap reached, denied after wrong codes)' },
  { code: Exit.NOT_RECORDED, meaning: 'the run happened but could not be recorded in the ledger or its journal: do not retry blind (the message names the run id and tokens)' },
  { code: Exit.HANGUP, meaning: 'stopped by SIGHUP (the terminal closed); the partial run is recorded' },
  { code: Exit.INTERRUPTED, meaning: 'interrupted (Ctrl-C); the partial run is recorded' },
  { code: Exit.TERMINATED, meaning: 'stopped by SIGTERM (timeout, a cancelled CI job); the partial run is recorded' },
];

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = Exit.ERROR,
    /** A second line naming the fix. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad flags or arguments, or a question that cannot be asked here. */
export class UsageError extends CliError {
  constructor(message: string, hint?: string) {
    super(message, Exit.USAGE, hint);
  }
}

export class AuthRequiredError extends CliError {
  constructor(message: string, hint = 'run `tokencli login` or set TOKENCLI_API_KEY') {
    super(message, Exit.AUTH, hint);
  }
}

/** Not enough tokens: a quota gate (`--min`) or a hard budget. */
export class QuotaError extends CliError {
  constructor(message: string, hint?: string) {
    super(message, Exit.QUOTA, hint);
  }
}

/** Ctrl-C, SIGTERM or SIGHUP: whatever was partial has been recorded; the message is a short note. */
export class InterruptedError extends CliError {
  constructor(message = 'interrupted', exitCode: number = Exit.INTERRUPTED) {
    super(message, exitCode);
  }
}

/** The reader of stdout went away (`| head`): not a failure, and nothing to say. */
export class StdoutClosedError extends CliError {
  constructor() {
    super('stdout closed', Exit.OK);
  }
}

/** The command already said what went wrong; exit with the code and print nothing more. */
export class SilentError extends CliError {}

export interface Described {
  exitCode: number;
  /** Lines for stderr; empty when nothing should be printed. */
  lines: string[];
}

/** The error as one JSON document, for --json: the same facts as the lines, for a program. */
export interface ErrorDocument {
  error: { type: string; message: string; exit_code: number; request_id?: string; hint?: string };
}

const TYPE_BY_EXIT: Record<number, string> = {
  [Exit.ERROR]: 'error',
  [Exit.USAGE]: 'usage_error',
  [Exit.NETWORK]: 'network_error',
  [Exit.AUTH]: 'authentication_error',
  [Exit.QUOTA]: 'quota_error',
  [Exit.NOT_RECORDED]: 'not_recorded',
  [Exit.HANGUP]: 'interrupted',
  [Exit.INTERRUPTED]: 'interrupted',
  [Exit.TERMINATED]: 'interrupted',
};

export function errorDocument(e: unknown, d: Described): ErrorDocument | undefined {
  const [message, hint] = d.lines;
  if (message === undefined || d.exitCode === Exit.OK) return undefined;
  const requestId = e instanceof ClientError ? e.requestId : undefined;
  const type = e instanceof ApiError && e.type ? e.type : (TYPE_BY_EXIT[d.exitCode] ?? 'error');
  return { error: { type, message, exit_code: d.exitCode, ...(requestId ? { request_id: requestId } : {}), ...(hint ? { hint } : {}) } };
}

/**
 * The server's 4xx refusal codes that mean an argument the user gave was wrong (an id that does not
 * exist, a month with nothing to invoice, a value out of range): a usage error (exit 2) in the
 * server's own words, without "server error", with where to find a right value when there is a
 * place. Refusals about money stay quota errors (5) above; any other server answer stays exit 1.
 * (Subscriptions' and payments' refusals are told by their commands: plan/subscription.ts, payment/shared.ts.)
 */
const ARGUMENT_REFUSALS: Record<string, string | undefined> = {
  invalid_request: undefined,
  key_not_found: 'see the keys with `tokencli auth keys list`',
  plan_not_found: 'see `tokencli plans`',
  model_not_found: 'see `tokencli models`',
  order_not_found: "give an order id as `tokencli statement`'s order column shows it",
  nothing_to_invoice: 'see the invoices with `tokencli invoice list`, and the charges with `tokencli statement`',
  invalid_tax_id: 'copy the unified social credit code from the business licence',
  run_not_found: undefined,
};

const withRequestId = (e: ClientError, debug: boolean) => (debug && e.requestId ? ` (request ${e.requestId})` : '');

/** Every line shown for an error, with anything key-shaped reduced to its fingerprint. */
export function describeError(e: unknown, debug = false): Described {
  const d = describe(e, debug);
  return { exitCode: d.exitCode, lines: d.lines.map(scrubSecrets) };
}

function describe(e: unknown, debug: boolean): Described {
  if (e instanceof StdoutClosedError || e instanceof SilentError) return { exitCode: e.exitCode, lines: [] };
  if (e instanceof CliError) return { exitCode: e.exitCode, lines: [e.message, ...(e.hint ? [e.hint] : [])] };
  if (e instanceof CommanderError) {
    // Help and --version "fail" with code 0; commander has already printed its own message.
    return { exitCode: e.exitCode === 0 ? Exit.OK : Exit.USAGE, lines: [] };
  }
  if (e instanceof Error && e.name === 'ExitPromptError') return { exitCode: Exit.INTERRUPTED, lines: ['cancelled'] };
  if (e instanceof AbortedError) return { exitCode: Exit.INTERRUPTED, lines: ['interrupted'] };
  if (e instanceof TimeoutError) {
    return { exitCode: Exit.NETWORK, lines: [`${e.message}${withRequestId(e, debug)}`, 'raise the limit with --timeout SECONDS, or check the server'] };
  }
  if (e instanceof TruncatedStreamError) {
    return { exitCode: Exit.NETWORK, lines: [`the answer is incomplete: ${e.message}${withRequestId(e, debug)}`, 'what arrived was printed and recorded as truncated'] };
  }
  if (e instanceof ConnectionError) {
    return { exitCode: Exit.NETWORK, lines: [e.message, 'check that the server is running and --api-url (or the profile\'s URL) is right'] };
  }
  if (e instanceof AuthenticationError) {
    // A server cannot tell a revoked key from an unknown one (both are 401): the hint names both.
    const hint = 'the key may have been revoked (`tokencli auth keys revoke`) or be for another server: sign in again with `tokencli login`, or set TOKENCLI_API_KEY to a current key';
    return { exitCode: Exit.AUTH, lines: [`the server rejected the API key: ${e.message}${withRequestId(e, debug)}`, hint] };
  }
  if (e instanceof InsufficientQuotaError) {
    const hint = windowRefusalHint(e, new Date()) ?? 'see `tokencli plans`, then `tokencli plan purchase <plan>`';
    return { exitCode: Exit.QUOTA, lines: [`not enough tokens: ${e.message}${withRequestId(e, debug)}`, hint] };
  }
  if (e instanceof RateLimitError) {
    // The server's message may say when already ("too many requests: retry in 20s").
    const wait = e.retryAfterMs !== undefined && !/\bretry\b|\bagain in\b/i.test(e.message) ? `; retry in ${Math.ceil(e.retryAfterMs / 1000)}s` : '';
    return { exitCode: Exit.ERROR, lines: [`rate limited: ${e.message}${wait}${withRequestId(e, debug)}`] };
  }
  if (e instanceof ApiError && e.code !== undefined && Object.hasOwn(ARGUMENT_REFUSALS, e.code) && e.status >= 400 && e.status < 500) {
    const hint = ARGUMENT_REFUSALS[e.code];
    return { exitCode: Exit.USAGE, lines: [`${e.message}${withRequestId(e, debug)}`, ...(hint ? [hint] : [])] };
  }
  if (e instanceof ApiError) return { exitCode: Exit.ERROR, lines: [`server error ${e.status}: ${e.message}${withRequestId(e, true)}`] };
  if (e instanceof LocalFileError || e instanceof LedgerError) return { exitCode: Exit.ERROR, lines: [e.message, e.hint] };
  if (e instanceof StdinTooLargeError) return { exitCode: Exit.USAGE, lines: [e.message, 'pass large inputs as a file the model can take (-f, up to 4 MiB), or split them'] };
  if (e instanceof NotRecordedError) {
    return { exitCode: Exit.NOT_RECORDED, lines: [e.message, 'the run may have been billed: check `tokencli usage --server` before running it again'] };
  }
  if (e instanceof MalformedResponseError) return { exitCode: Exit.ERROR, lines: [`malformed answer: ${e.message}${withRequestId(e, true)}`] };
  const err = e instanceof Error ? e : new Error(String(e));
  return { exitCode: Exit.ERROR, lines: [`unexpected error: ${err.message}`, ...(debug && err.stack ? [err.stack] : ['run again with --debug for details'])] };
}
