/**
 * Errors of the Token Plan client, by HTTP status class, each keeping the request id so a user can
 * quote it. Hints ("run tokencli login") belong to the CLI, not here.
 */
import type { HeaderBag } from './wire-response.js';

export class ClientError extends Error {
  constructor(
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ApiError extends ClientError {
  constructor(
    readonly status: number,
    /** The error envelope's `type` and `code`, when the server sent one. */
    readonly type: string | undefined,
    readonly code: string | undefined,
    message: string,
    requestId?: string,
    readonly retryAfterMs?: number,
  ) {
    super(message, requestId);
  }

  static from(status: number, body: unknown, headers: HeaderBag, fallback: string): ApiError {
    const envelope = (body as { error?: { type?: unknown; code?: unknown; message?: unknown } } | undefined)?.error;
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    // OAuth endpoints (RFC 6749 §5.2) answer {"error": "code", "error_description": "text"}.
    const description = str((body as { error_description?: unknown } | undefined)?.error_description);
    const type = str(envelope?.type);
    // error_description is optional there, so a bare string `error` is the code on its own.
    const code = str(envelope?.code) ?? str(envelope);
    const message = str(envelope?.message) ?? description ?? (typeof envelope === 'string' ? envelope : fallback);
    const requestId = headers.get('x-request-id') ?? undefined;
    const retryAfterMs = parseRetryAfterMs(headers);
    const Cls = errorClassFor(status, type, code, message);
    return new Cls(status, type, code, message, requestId, retryAfterMs);
  }
}

export class BadRequestError extends ApiError {}
export class AuthenticationError extends ApiError {}
/** 402, or a provider's own out-of-money signal. */
export class InsufficientQuotaError extends ApiError {}
export class PermissionDeniedError extends ApiError {}
export class NotFoundError extends ApiError {}
export class ConflictError extends ApiError {}
export class UnprocessableEntityError extends ApiError {}
export class RateLimitError extends ApiError {}
export class ServerError extends ApiError {}

/** A 403 that is about money: Moonshot's "insufficient balance", OpenRouter's "Key limit exceeded". */
const MONEY_403 = /balance|quota|insufficient|limit exceeded|arrears|欠费|余额/i;

function errorClassFor(status: number, type: string | undefined, code: string | undefined, message: string): typeof ApiError {
  // OpenAI reports an empty account as 429 `insufficient_quota`: money, not a rate limit.
  if (type === 'insufficient_quota' || code === 'insufficient_quota') return InsufficientQuotaError;
  if (status === 403 && MONEY_403.test(message)) return InsufficientQuotaError;
  switch (status) {
    case 400:
      return BadRequestError;
    case 401:
      return AuthenticationError;
    case 402:
      return InsufficientQuotaError;
    case 403:
      return PermissionDeniedError;
    case 404:
      return NotFoundError;
    case 409:
      return ConflictError;
    case 422:
      return UnprocessableEntityError;
    case 429:
      return RateLimitError;
    default:
      return status >= 500 ? ServerError : ApiError;
  }
}

/** The server could not be reached, or the connection broke before an answer. */
export class ConnectionError extends ClientError {
  /** True when the request certainly never reached the server (refused, no such host). */
  neverSent = false;
}

/** Transport codes that mean the request never left this machine for the server. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
/** No answer (or no next chunk of a stream) within the timeout. */
export class TimeoutError extends ConnectionError {}
/**
 * A stream that ended cleanly before it was whole: some chunks arrived, then neither a finish
 * reason nor `[DONE]`. What came is real text, but the answer is not complete.
 */
export class TruncatedStreamError extends ConnectionError {}
/** The caller aborted the request (Ctrl-C). */
export class AbortedError extends ClientError {}
/** The server answered, but not with what the API promises. */
export class MalformedResponseError extends ClientError {}

/** `retry-after-ms`, then `retry-after` as seconds or an HTTP date. */
export function parseRetryAfterMs(headers: HeaderBag, nowMs = Date.now()): number | undefined {
  const ms = Number(headers.get('retry-after-ms') ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * A failure of the transport (fetch or a body read) as one of ours: an abort stays an abort, a
 * timeout code a TimeoutError, anything else a ConnectionError that says what was going on.
 */
export function transportError(e: unknown, what: string, requestId?: string): ClientError {
  if (e instanceof ClientError) return e;
  const err = e as Error & { cause?: { code?: string; message?: string }; code?: string };
  if (err.name === 'AbortError') return new AbortedError('request aborted', requestId);
  const code = err.cause?.code ?? err.code;
  if (code && /TIMEOUT/.test(code)) return new TimeoutError(`${what}: timed out (${code})`, requestId);
  const failure = new ConnectionError(`${what}: ${err.cause?.message ?? code ?? err.message}`, requestId);
  failure.neverSent = code !== undefined && NEVER_SENT.has(code);
  return failure;
}
