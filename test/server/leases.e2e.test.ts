/**
 * Holds as leases, against real server processes: a stream that outlives --hold-ttl keeps its hold
 * (no second request gets the same tokens, no debt), and a server killed mid-stream bills, on its
 * next start, what the stream had delivered and frees the rest of the hold.
 */
import { describe, expect, test } from 'vitest';
import { api, balanceOf, buy, drainTo, openStream, startServe } from '../helpers/serve.js';

describe('holds live as long as their stream', () => {
  test('a stream longer than --hold-ttl is billed once with no debt, and its tokens are not handed out twice', async () => {
    const fast = await startServe();
    await buy(fast.url, fast.key);
    await drainTo(fast.url, fast.key, 436);
    await fast.stop();
    // 300 tokens at 10 ms each run three times the 1 s hold TTL.
    const s = { ...(await startServe(['--hold-ttl', '1', '--demo-delay-ms', '10', '--progress-interval-ms', '100'], { dataDir: fast.dataDir })), key: fast.key };
    const first = await openStream(s.url, s.key, 300, 150);
    // 1.5 s in: without renewal the first hold would have lapsed, and this one would get its tokens.
    const second = await api(s.url, '/v1/chat/completions', { key: s.key, body: { model: 'demo-mini', messages: [{ role: 'user', content: 'hi' }], max_tokens: 300, stream: true } });
    expect(second.status).toBe(402);
    expect(second.json.error.code).toBe('request_exceeds_balance');
    const done = await first.rest();
    expect(done.text).toContain('data: [DONE]');
    expect(done.contentChunks).toBe(300);
    expect(await balanceOf(s.url, s.key)).toMatchObject({ tokens_remaining: 436 - 308, tokens_held: 0, tokens_owed: 0 });
    const usage = (await api(s.url, '/v1/usage', { key: s.key })).json.data;
    expect(usage.reduce((n: number, r: any) => n + r.requests, 0)).toBe(51); // 50 to drain, then this one, once
    await s.stop();
  });

  test('kill -9 mid-stream, then a restart: the delivered tokens are billed and the hold is freed', async () => {
    const s = await startServe(['--demo-delay-ms', '10', '--progress-interval-ms', '100']);
    await buy(s.url, s.key);
    const stream = await openStream(s.url, s.key, 1000, 100);
    expect((await balanceOf(s.url, s.key)).tokens_held).toBe(1008);
    await s.stop('SIGKILL');
    const delivered = (await stream.rest()).contentChunks;

    const again = await startServe([], { dataDir: s.dataDir });
    expect(again.stderr()).toMatch(/settled 1 request/);
    const balance = await balanceOf(again.url, s.key);
    expect(balance).toMatchObject({ tokens_held: 0, tokens_owed: 0 });
    const [row] = (await api(again.url, '/v1/usage', { key: s.key })).json.data;
    expect(row).toMatchObject({ requests: 1, prompt_tokens: 8 });
    // Progress is recorded every 100 ms, about 10 demo tokens: allow a few intervals of slack on a busy machine.
    expect(Math.abs(row.completion_tokens - delivered)).toBeLessThanOrEqual(50);
    expect(balance.tokens_remaining).toBe(400_000 - 8 - row.completion_tokens);
    console.info(`kill -9: ${delivered} tokens delivered, ${row.completion_tokens} billed after the restart`);
    await again.stop();
  });
});
