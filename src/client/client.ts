/**
 * The typed Token Plan client: one `request()` with timeouts, retries and idempotency keys, and thin
 * resource classes over it. It knows nothing of the CLI and could be published on its own.
 */
import { joinUrl } from '../shared/url.js';
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  AbortedError,
  ApiError,
  InsufficientQuotaError,
  MalformedResponseError,
  TimeoutError,
  parseRetryAfterMs,
  transportError,
} from './errors.js';
import { redact, rememberSecret } from './redact.js';
import { bufferedResponse, type HeaderBag, type WireResponse } from './wire-response.js';
import { DEFAULT_MAX_RETRIES, isRetryableStatus, retryDelayMs } from './retry.js';
import { Account } from './resources/account.js';
import { Balance } from './resources/balance.js';
import { Models } from './resources/models.js';
import { Plans } from './resources/plans.js';
import { Purchases } from './resources/purchases.js';
import { Usage } from './resources/usage.js';
import { Chat } from './resources/chat.js';
import { Payments } from './resources/payments.js';
import { Statements } from './resources/statements.js';
import { Invoices } from './resources/invoices.js';
import { Device } from './resources/device.js';
import { Keys } from './resources/keys.js';

export type Fetch = (url: string, init: RequestInit) => Promise<WireResponse>;
type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface ClientOptions {
  baseUrl: string;
  apiKey?: string;
  /** The transport: Node's fetch in the CLI (undici's, with a proxy agent, only when a proxy is set), the app itself in tests. */
  fetch?: Fetch;
  maxRetries?: number;
  /** Per-attempt limit for a whole non-streamed answer, in ms. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Receives one line per request and answer, with the key already redacted. */
  debug?: (line: string) => void;
  userAgent?: string;
  /** Put before resource paths: '/v1' for Token Plan roots, '' for OpenAI-style bases ending in /v1. */
  apiPrefix?: '' | '/v1';
}

/**
 * How an answer is checked: a schema, or a function picking one from shared/wire.ts, which is then
 * loaded only when a JSON answer needs checking (zod takes ~40 ms to load; a streamed run never does).
 */
export type Schema<T> = z.ZodType<T> | ((wire: typeof import('../shared/wire.js')) => z.ZodType<T>);

export interface RequestOptions<T> {
  schema?: Schema<T>;
  body?: unknown;
  /** Sent as application/x-www-form-urlencoded instead of a JSON body, as OAuth endpoints (RFC 6749, RFC 8628) expect. */
  form?: Record<string, string>;
  query?: Record<string, string | undefined>;
  /** Sent as `Idempotency-Key`; one per logical call, reused by every retry. */
  idempotencyKey?: string;
  /** Retry this non-GET request (only when it is idempotent). */
  retry?: boolean;
  signal?: AbortSignal;
  /** Return the raw streaming Response instead of parsing JSON; never retried once it has begun. */
  stream?: boolean;
  /** Given the headers of the successful answer (a Token Plan chat answer carries the quota windows in them). */
  onHeaders?: (headers: HeaderBag) => void;
}

export class TokenClient {
  readonly account = new Account(this);
  readonly plans = new Plans(this);
  readonly purchases = new Purchases(this);
  readonly balance = new Balance(this);
  readonly usage = new Usage(this);
  readonly models = new Models(this);
  readonly chat = new Chat(this);
  readonly payments = new Payments(this);
  readonly statements = new Statements(this);
  readonly invoices = new Invoices(this);
  readonly device = new Device(this);
  readonly keys = new Keys(this);

  readonly prefix: '' | '/v1';
  private readonly fetchImpl: Fetch;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(readonly opts: ClientOptions) {
    this.prefix = opts.apiPrefix ?? '/v1';
    if (opts.apiKey) rememberSecret(opts.apiKey);
    this.fetchImpl = opts.fetch ?? ((url, init) => fetch(url, init));
    this.sleep = opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  }

  async request<T>(method: Method, path: string, o: RequestOptions<T> = {}): Promise<T> {
    const res = await this.send(method, path, o);
    return this.parse(method, path, res, o.schema);
  }

  /** Sends with retries and returns the successful Response (the body not yet read). */
  async send(method: Method, path: string, o: RequestOptions<unknown>): Promise<WireResponse> {
    // A full URL is taken as it is: some providers keep their balance outside the versioned API.
    const url = new URL(/^https?:\/\//.test(path) ? path : joinUrl(this.opts.baseUrl, path));
    for (const [k, v] of Object.entries(o.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    const idempotencyKey = o.idempotencyKey ?? (method === 'GET' ? undefined : randomUUID());
    const retryable = method === 'GET' || o.retry === true;
    const maxRetries = retryable ? (this.opts.maxRetries ?? DEFAULT_MAX_RETRIES) : 0;

    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = { accept: o.stream ? 'text/event-stream' : 'application/json' };
      if (this.opts.apiKey) headers.authorization = `Bearer ${this.opts.apiKey}`;
      if (this.opts.userAgent) headers['user-agent'] = this.opts.userAgent;
      if (o.body !== undefined) headers['content-type'] = 'application/json';
      if (o.form !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
      if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
      if (attempt > 0) headers['x-tokencli-retry-count'] = String(attempt);
      this.trace(`> ${method} ${url.href}${attempt > 0 ? ` (retry ${attempt})` : ''} ${JSON.stringify(redact(headers))}`);

      const started = Date.now();
      let res: WireResponse;
      try {
        res = await this.fetchWithTimeout(url.href, {
          method,
          headers,
          ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
          ...(o.form !== undefined ? { body: new URLSearchParams(o.form).toString() } : {}),
          ...(o.signal ? { signal: o.signal } : {}),
        }, o.stream === true);
      } catch (e) {
        const err = transportError(e, `could not reach ${url.origin}`);
        this.trace(`< ${err.message}`);
        if (err instanceof AbortedError || attempt >= maxRetries) throw err;
        await this.sleep(retryDelayMs(attempt, undefined));
        continue;
      }
      this.trace(`< ${res.status} ${method} ${url.pathname} in ${Date.now() - started}ms request-id=${res.headers.get('x-request-id') ?? '-'}`);
      if (res.ok) {
        o.onHeaders?.(res.headers);
        return res;
      }

      const body = await res.json().catch(() => undefined);
      const err = ApiError.from(res.status, body, res.headers, `${res.status} ${res.statusText}`);
      // An empty account is not a transient failure, even when it arrives as a 429.
      if (attempt >= maxRetries || !isRetryableStatus(res.status, res.headers) || err instanceof InsufficientQuotaError) throw err;
      await this.sleep(retryDelayMs(attempt, parseRetryAfterMs(res.headers)));
    }
  }

  /**
   * One attempt, bounded by the timeout: until the whole answer is read for JSON, until the headers
   * arrive for a stream (whose stalls the idle timeout in sse.ts catches afterwards).
   */
  private async fetchWithTimeout(url: string, init: RequestInit, streaming: boolean): Promise<WireResponse> {
    const timeoutMs = this.opts.timeoutMs;
    if (!timeoutMs) return this.fetchImpl(url, init);
    const timer = new AbortController();
    const timeout = setTimeout(() => timer.abort(), timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, timer.signal]) : timer.signal;
    try {
      const res = await this.fetchImpl(url, { ...init, signal });
      if (streaming) return res;
      // Read the body inside the time limit; JSON answers are small.
      return bufferedResponse(res, await res.arrayBuffer());
    } catch (e) {
      if (timer.signal.aborted && !init.signal?.aborted) throw new TimeoutError(`no answer from ${new URL(url).host} within ${timeoutMs / 1000}s`);
      throw e;
    } finally {
      clearTimeout(timeout);
    }
  }

  private async parse<T>(method: string, path: string, res: WireResponse, schema?: Schema<T>): Promise<T> {
    const requestId = res.headers.get('x-request-id') ?? undefined;
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      throw new MalformedResponseError(`${method} ${path}: the answer is not JSON`, requestId);
    }
    if (!schema) return json as T;
    const wire = await import('../shared/wire.js');
    const parsed = (typeof schema === 'function' ? schema(wire) : schema).safeParse(json);
    if (!parsed.success) throw new MalformedResponseError(`${method} ${path}: unexpected answer (${wire.describeIssue(parsed.error)})`, requestId);
    return parsed.data;
  }

  private trace(line: string): void {
    this.opts.debug?.(line);
  }
}
