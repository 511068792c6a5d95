/**
 * The client against the real server app in-process (no port), and against scripted transports for
 * retries: which calls retry, how long they wait, and that one idempotency key serves every attempt.
 */
import { describe, expect, test } from 'vitest';
import { TokenClient, type Fetch } from '../../src/client/client.js';
import { AuthenticationError, ConnectionError, InsufficientQuotaError, MalformedResponseError, NotFoundError, RateLimitError, TimeoutError, parseRetryAfterMs } from '../../src/client/errors.js';
import { retryDelayMs } from '../../src/client/retry.js';
import { inProcessServer } from '../helpers/app.js';

describe('against the server app, in-process', () => {
  test('resources are typed and validated end to end', async () => {
    const s = await inProcessServer();
    const client = new TokenClient({ baseUrl: 'http://app.test', apiKey: s.key, fetch: s.fetch });
    expect((await client.account.get()).name).toBe('test');
    expect((await client.plans.list()).data.map((p) => p.id)).toEqual(['starter', 'basic', 'pro', 'max']);
    const purchase = await client.purchases.create({ plan_id: 'starter' }, 'key-1');
    expect(purchase.pack.tokens_total).toBe(400_000);
    expect(await client.purchases.create({ plan_id: 'starter' }, 'key-1')).toEqual(purchase);
    expect((await client.balance.get()).tokens_remaining).toBe(400_000);
    const chunks = [];
    for await (const c of await client.chat.stream({ model: 'demo-mini', messages: [{ role: 'user', content: 'hi' }], max_tokens: 3 })) chunks.push(c);
    expect(chunks.at(-1)!.usage!.billing!.billed_tokens).toBe(11);
    expect((await client.usage.get({ groupBy: 'model' })).data[0]!.key).toBe('demo-mini');
  });

  test('errors arrive as their status classes, keeping the request id', async () => {
    const s = await inProcessServer();
    const anon = new TokenClient({ baseUrl: 'http://app.test', fetch: s.fetch, maxRetries: 0 });
    const e = await anon.balance.get().catch((x) => x);
    expect(e).toBeInstanceOf(AuthenticationError);
    expect(e.requestId).toMatch(/^req_/);
    const client = new TokenClient({ baseUrl: 'http://app.test', apiKey: s.key, fetch: s.fetch });
    await expect(client.chat.create({ model: 'demo-mini', messages: [{ role: 'user', content: 'x' }] })).rejects.toBeInstanceOf(InsufficientQuotaError);
    await expect(client.purchases.create({ plan_id: 'nope' })).rejects.toBeInstanceOf(NotFoundError);
  });
});

/** A transport that answers from a script and records what it was sent. */
function scripted(answers: (() => Response | Promise<Response>)[]) {
  const calls: { url: string; headers: Headers; method: string }[] = [];
  const fetch: Fetch = async (url, init) => {
    calls.push({ url, headers: new Headers(init.headers), method: init.method ?? 'GET' });
    const next = answers[Math.min(calls.length - 1, answers.length - 1)]!;
    return next();
  };
  return { fetch, calls };
}

const balanceBody = { tokens_remaining: 5, tokens_held: 0, packs: [], as_of: '2026-11-26T00:00:00Z' };
const sleeps: number[] = [];
const noSleep = async (ms: number) => void sleeps.push(ms);

describe('retries', () => {
  test('GET retries on 429 honouring Retry-After, then succeeds', async () => {
    sleeps.length = 0;
    const t = scripted([() => new Response('{}', { status: 429, headers: { 'retry-after': '2' } }), () => Response.json(balanceBody)]);
    const client = new TokenClient({ baseUrl: 'http://x.test', apiKey: 'k', fetch: t.fetch, sleep: noSleep });
    expect((await client.balance.get()).tokens_remaining).toBe(5);
    expect(sleeps).toEqual([2000]);
    expect(t.calls[1]!.headers.get('x-tokencli-retry-count')).toBe('1');
  });

  test('an idempotent POST retries on connection failure and 5xx with the same Idempotency-Key', async () => {
    const t = scripted([
      () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET', message: 'socket hang up' } })),
      () => new Response('{}', { status: 503 }),
      () => Response.json({ id: 'p', plan_id: 's', quantity: 1, tokens: 1, price: { amount_minor: 1, currency: 'CNY' }, status: 'succeeded', created_at: 'x', pack: { id: 'k', tokens_total: 1, tokens_remaining: 1, expires_at: 'y' } }, { status: 201 }),
    ]);
    const client = new TokenClient({ baseUrl: 'http://x.test', apiKey: 'k', fetch: t.fetch, sleep: noSleep, maxRetries: 2 });
    await client.purchases.create({ plan_id: 's' });
    const keys = t.calls.map((c) => c.headers.get('idempotency-key'));
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('a chat POST is never retried; neither are 4xx answers other than 408/409/429', async () => {
    const chat = scripted([() => new Response('{}', { status: 500 })]);
    const c1 = new TokenClient({ baseUrl: 'http://x.test', apiKey: 'k', fetch: chat.fetch, sleep: noSleep });
    await expect(c1.chat.create({ model: 'm', messages: [{ role: 'user', content: 'x' }] })).rejects.toThrow();
    expect(chat.calls).toHaveLength(1);
    const auth = scripted([() => new Response('{"error":{"type":"authentication_error","code":"invalid_api_key","message":"bad key","param":null}}', { status: 401 })]);
    const c2 = new TokenClient({ baseUrl: 'http://x.test', apiKey: 'k', fetch: auth.fetch, sleep: noSleep });
    await expect(c2.balance.get()).rejects.toThrow('bad key');
    expect(auth.calls).toHaveLength(1);
  });

  test('gives up after the retry budget with the last error', async () => {
    const t = scripted([() => new Response('{}', { status: 429 })]);
    const client = new TokenClient({ baseUrl: 'http://x.test', apiKey: 'k', fetch: t.fetch, sleep: noSleep, maxRetries: 2 });
    await expect(client.balance.get()).rejects.toBeInstanceOf(RateLimitError);
    expect(t.calls).toHaveLength(3);
  });

  test('connection failures become ConnectionError; a slow answer becomes TimeoutError', async () => {
    const refused = scripted([() => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' } }))]);
    const c1 = new TokenClient({ baseUrl: 'http://x.test', fetch: refused.fetch, sleep: noSleep, maxRetries: 0 });
    await expect(c1.plans.list()).rejects.toBeInstanceOf(ConnectionError);
    const slow: Fetch = (_url, init) => new Promise((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const c2 = new TokenClient({ baseUrl: 'http://x.test', fetch: slow, sleep: noSleep, maxRetries: 0, timeoutMs: 50 });
    await expect(c2.plans.list()).rejects.toBeInstanceOf(TimeoutError);
  });

  test('an answer that breaks the schema names the endpoint and the field in one line', async () => {
    const t = scripted([() => Response.json({ ...balanceBody, packs: [{ id: 'p', plan_id: 's', tokens_total: 1, tokens_remaining: 'lots', expires_at: 'x' }] })]);
    const client = new TokenClient({ baseUrl: 'http://x.test', apiKey: 'k', fetch: t.fetch });
    const e = await client.balance.get().catch((x) => x);
    expect(e).toBeInstanceOf(MalformedResponseError);
    expect(e.message).toMatch(/^GET \/v1\/balance: unexpected answer \(packs\.0\.tokens_remaining: .*\)$/);
  });
});

describe('retry timing (pure)', () => {
  test('exponential backoff with jitter, capped; sane server hints win', () => {
    expect(retryDelayMs(0, undefined, () => 0)).toBe(500);
    expect(retryDelayMs(3, undefined, () => 0)).toBe(4000);
    expect(retryDelayMs(10, undefined, () => 0)).toBe(8000);
    expect(retryDelayMs(1, undefined, () => 1)).toBe(750);
    expect(retryDelayMs(0, 1200)).toBe(1200);
    expect(retryDelayMs(0, 120_000, () => 0)).toBe(500);
  });

  test('Retry-After as milliseconds, seconds or an HTTP date', () => {
    expect(parseRetryAfterMs(new Headers({ 'retry-after-ms': '150' }))).toBe(150);
    expect(parseRetryAfterMs(new Headers({ 'retry-after': '3' }))).toBe(3000);
    expect(parseRetryAfterMs(new Headers({ 'retry-after': 'Thu, 26 Nov 2026 10:00:05 GMT' }), Date.parse('2026-11-26T10:00:00Z'))).toBe(5000);
    expect(parseRetryAfterMs(new Headers())).toBeUndefined();
  });
});
