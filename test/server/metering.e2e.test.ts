/**
 * Hold-then-settle against a real server process: 402 before generation, no overspend under a
 * race, and partial billing of a stream the client abandons.
 */
import { describe, expect, test } from 'vitest';
import { api, balanceOf, buy, chat, drainTo, startServe } from '../helpers/serve.js';

describe('metering', () => {
  test('402 before any generation when the hold does not fit, naming needed and available', async () => {
    const s = await startServe();
    const empty = await chat(s.url, s.key, { max_tokens: 10 });
    expect(empty.status).toBe(402);
    expect(empty.json.error).toMatchObject({ type: 'insufficient_quota', code: 'insufficient_balance' });
    await buy(s.url, s.key);
    await drainTo(s.url, s.key, 100);
    const tooBig = await chat(s.url, s.key, { model: 'demo-pro', max_tokens: 50 });
    expect(tooBig.status).toBe(402);
    expect(tooBig.json.error.code).toBe('request_exceeds_balance');
    // demo-pro: 8 prompt × 2 + 50 × 4 = 216 plan tokens needed, 100 available.
    expect(tooBig.json.error.message).toMatch(/needs up to 216 plan tokens.* but 100 are available/);
    const usage = (await api(s.url, '/v1/usage?group_by=model', { key: s.key })).json.data;
    expect(usage.find((r: any) => r.key === 'demo-pro')).toBeUndefined();
    expect((await balanceOf(s.url, s.key)).tokens_remaining).toBe(100);
    await s.stop();
  });

  test('without max_tokens the hold shrinks to what the balance covers', async () => {
    const s = await startServe(['--default-max-tokens', '1000']);
    await buy(s.url, s.key);
    await drainTo(s.url, s.key, 30);
    const r = await chat(s.url, s.key, {});
    expect(r.status).toBe(200);
    expect(r.json.usage.completion_tokens).toBe(11);
    expect(r.json.usage.billing).toEqual({ billed_tokens: 19, tokens_remaining: 11, multiplier_milli: 1000, funded_by: 'packs' });
    await s.stop();
  });

  test('50 concurrent streams racing for the last tokens never overspend', async () => {
    const fast = await startServe();
    await buy(fast.url, fast.key);
    await drainTo(fast.url, fast.key, 1000);
    await fast.stop();
    // Slow tokens keep every admitted stream running while the others try to get in.
    const s = { ...(await startServe(['--demo-delay-ms', '5'], { dataDir: fast.dataDir })), key: fast.key };
    const results = await Promise.all(
      Array.from({ length: 50 }, () => chat(s.url, s.key, { max_tokens: 100, stream: true, stream_options: { include_usage: true } })),
    );
    const ok = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status === 402);
    expect(ok.length + refused.length).toBe(50);
    const billed = ok.map((r) => {
      const usageLine = r.text.split('\n').find((l) => l.includes('"billing"'))!;
      return JSON.parse(usageLine.slice('data: '.length)).usage.billing.billed_tokens as number;
    });
    const after = await balanceOf(s.url, s.key);
    const total = billed.reduce((a, b) => a + b, 0);
    expect(after.tokens_remaining).toBeGreaterThanOrEqual(0);
    expect(after.tokens_held).toBe(0);
    expect(total).toBe(1000 - after.tokens_remaining);
    // Each admitted stream holds 108 (8 prompt + 100): nine fit in 1000, the rest are refused.
    expect(ok.length).toBe(9);
    console.info(`overspend race: ${ok.length} admitted, ${refused.length} refused (402), billed ${total}, left ${after.tokens_remaining}`);
    await s.stop();
  });

  test('a client that aborts mid-stream is billed for the prompt and what was produced', async () => {
    const s = await startServe(['--demo-delay-ms', '25']);
    await buy(s.url, s.key);
    const controller = new AbortController();
    const res = await fetch(`${s.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'demo-mini', messages: [{ role: 'user', content: 'hi' }], max_tokens: 400, stream: true }),
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    let seen = '';
    while ((seen.match(/"content":" /g) ?? []).length < 5) seen += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    let row: any;
    for (let i = 0; i < 100 && !row; i++) {
      await new Promise((r) => setTimeout(r, 20));
      row = (await api(s.url, '/v1/usage', { key: s.key })).json.data[0];
    }
    expect(row.requests).toBe(1);
    expect(row.prompt_tokens).toBe(8);
    expect(row.completion_tokens).toBeGreaterThanOrEqual(5);
    expect(row.completion_tokens).toBeLessThan(400);
    expect(row.billed_tokens).toBe(8 + row.completion_tokens);
    const after = await balanceOf(s.url, s.key);
    expect(after.tokens_remaining).toBe(400_000 - row.billed_tokens);
    expect(after.tokens_held).toBe(0);
    await s.stop();
  });
});
