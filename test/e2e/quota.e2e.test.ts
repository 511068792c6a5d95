/**
 * `tokencli quota` end to end against a real `tokencli serve`: a subscription's windows after real
 * runs (--json, --line, the table in a pipe), and a run refused by an exhausted window, which exits
 * with the quota code and names the window.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { userAt } from '../helpers/cli.js';
import { api, chat, startServe, type Served } from '../helpers/serve.js';

let s: Served;
beforeAll(async () => {
  s = await startServe();
  const sub = await api(s.url, '/v1/subscriptions', { key: s.key, body: { plan_id: 'lite-monthly' }, headers: { 'idempotency-key': 'e2e-sub' } });
  expect(sub.status).toBe(201);
});
afterAll(() => s.stop());

const asUser = () => userAt(undefined, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key });

describe('tokencli quota', () => {
  test('after two runs: --json, --line and the piped rows agree with the server', async () => {
    const u = asUser();
    for (let i = 0; i < 2; i++) expect((await u.run(['run', '-m', 'demo-mini', '--max-tokens', '3', 'hi'])).code).toBe(0);
    const json = await u.run(['quota', '--json']);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout);
    const five = doc.windows.find((w: any) => w.window === 'rolling_5h');
    expect(five).toMatchObject({ unit: 'requests', limit: 80, used: 2, held: 0, remaining: 78, per_hour: 1, exhausted_at: null });
    expect(Date.parse(five.resets_at)).toBeGreaterThan(Date.now());
    expect(doc.windows.find((w: any) => w.window === 'cycle')).toMatchObject({ unit: 'tokens', used: 2 * 11, remaining: 10_000_000 - 22 });

    const line = await u.run(['quota', '--line']);
    expect(line.code).toBe(0);
    // The cycle and the week reset at times that depend on today; the 5-hour window resets 5 h after the first run.
    expect(line.stdout).toMatch(/^mo 0% \S+ · 5h 2% [45]h\d\dm · wk 0% \S+\n$/);
    expect(line.stderr).toBe('');

    // Piped: the --json field names as a header row, then raw values.
    const piped = await u.run(['quota']);
    expect(piped.stdout.split('\n').filter(Boolean).map((l) => l.split('\t').slice(0, 6))).toEqual([
      ['window', 'unit', 'used', 'held', 'limit', 'remaining'],
      ['cycle', 'tokens', '22', '0', '10000000', '9999978'],
      ['rolling_5h', 'requests', '2', '0', '80', '78'],
      ['week', 'requests', '2', '0', '400', '398'],
    ]);
  });

  test('a run the 5-hour window cannot admit exits with the quota code and names the window', async () => {
    for (let i = 0; i < 80; i++) {
      const r = await chat(s.url, s.key, { max_tokens: 1 });
      if (r.status === 429) break;
      expect(r.status).toBe(200);
    }
    const u = asUser();
    const r = await u.run(['run', '-m', 'demo-mini', '--max-tokens', '3', 'hi']);
    expect(r.code).toBe(5);
    expect(r.stderr).toMatch(/rolling_5h window \(80 requests\) has 0 left/);
    expect((await u.run(['quota', '--line'])).stdout).toMatch(/5h 100%! /);
  });
});
