/**
 * `tokencli quota` end to end against a real `tokencli serve`: a subscription's windows after real
 * runs (--json, --line, the table in a pipe), and a run refused by an exhausted window, which exits
 * with the quota code and names the window.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tokencli, userAt } from '../helpers/cli.js';
import { ledgerRows } from '../helpers/ledger.js';
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
  test('piped, with no subscription and no packs: a line on stderr says so, not silence', async () => {
    const made = await tokencli(['serve', 'keys', 'create', '--account', 'bare', '--data-dir', s.dataDir]);
    expect(made.code, made.stderr).toBe(0);
    const u = userAt(undefined, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: made.stdout.trim() });
    const piped = await u.run(['quota']);
    expect(piped.code).toBe(0);
    expect(piped.stdout).toBe('');
    expect(piped.stderr).toBe('no active subscription, so no quota windows: requests draw on the packs (0 tokens)\n');
    expect((await u.run(['quota', '--json'])).stdout).toMatch(/"windows": \[\]/);
  });

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
    expect(line.stdout).toMatch(/^5h 2% [45]h\d\dm · wk 0% \S+ · mo 0% \S+\n$/);
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
    // The second line names the reset on this machine's clock, and where to look next.
    expect(r.stderr).toMatch(/\nthe rolling 5-hour window resets at \d\d:\d\d \(in [45]h\d\dm\); `tokencli quota` shows every window/);
    expect((await u.run(['quota', '--line'])).stdout).toMatch(/5h 100%! /);
  });
});

describe('quota without the server', () => {
  test('a run keeps the windows from its answer\'s headers (no extra request); --offline adds the runs still in flight; an unreachable server gives the estimate, marked ~', async () => {
    const slow = await startServe(['--demo-delay-ms', '50']);
    try {
      expect((await api(slow.url, '/v1/subscriptions', { key: slow.key, body: { plan_id: 'lite-monthly' }, headers: { 'idempotency-key': 'offline' } })).status).toBe(201);
      const u = userAt(undefined, { TOKENCLI_API_URL: slow.url, TOKENCLI_API_KEY: slow.key });
      const none = await u.run(['quota', '--line', '--offline']);
      expect(none.code).toBe(1);
      expect(none.stderr).toMatch(/never saw one from .* for this key\nrun `tokencli quota` once/);

      const run = await u.run(['run', '-m', 'demo-mini', '--max-tokens', '3', 'hi', '--debug']);
      expect(run.code).toBe(0);
      expect(run.stderr).not.toContain('/v1/quota');
      const offline = JSON.parse((await u.run(['quota', '--offline', '--json'])).stdout);
      const online = JSON.parse((await u.run(['quota', '--json'])).stdout);
      expect(offline.estimate).toBe(true);
      const figures = (q: any) => q.windows.map((w: any) => [w.window, w.unit, w.used + w.held, w.remaining]).sort();
      expect(figures(offline)).toEqual(figures(online));
      expect(figures(online)).toContainEqual(['rolling_5h', 'requests', 1, 79]);

      // A run still streaming has no answer headers yet: the ledger's pending row counts, at its worst case.
      const streaming = u.run(['run', '-m', 'demo-mini', '--max-tokens', '40', 'slowly']);
      for (let i = 0; i < 500 && !ledgerRows(u.home).some((r) => r.status === 'pending'); i++) await new Promise((r) => setTimeout(r, 10));
      const during = JSON.parse((await u.run(['quota', '--offline', '--json'])).stdout);
      const pending = ledgerRows(u.home).find((r) => r.status === 'pending');
      expect(during.windows.find((w: any) => w.window === 'rolling_5h').used).toBe(2);
      expect(during.windows.find((w: any) => w.window === 'cycle').used).toBe(online.windows.find((w: any) => w.window === 'cycle').used + pending.billed_tokens);
      expect((await streaming).code).toBe(0);
      expect((await u.run(['quota', '--line', '--offline'])).stdout).toMatch(/^~5h 2% [45]h\d\dm · wk 0% \S+ · mo 0% \S+\n$/);

      await slow.stop();
      const down = await u.run(['quota', '--line']);
      expect([down.code, down.stderr]).toEqual([0, '']);
      expect(down.stdout).toMatch(/^~5h 2% /);
      const table = await u.run(['quota']);
      expect(table.code).toBe(0);
      expect(table.stderr).toMatch(/offline estimate \(server unreachable .*\): quota last seen .* ago, plus this machine's spend since/);
    } finally {
      await slow.stop();
    }
  });
});
