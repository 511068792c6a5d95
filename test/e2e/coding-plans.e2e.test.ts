/**
 * Coding-plan providers end to end: a profile for each of Zhipu (GLM Coding Plan), Kimi Code and
 * MiniMax, logged in against a local fake that replays the vendor's quota answer (quirks
 * included), then `quota` --json / --line / piped, and `quota --all` beside a Token Plan server
 * and a provider with no quota API.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { userAt } from '../helpers/cli.js';
import { fakeProvider, type FakeProvider } from '../helpers/fake-providers.js';
import { api, startServe, type Served } from '../helpers/serve.js';

const KEY = 'sk-plan-0123456789abcdef';
const kinds = ['zhipu', 'kimi-code', 'minimax'] as const;
const fakes = {} as Record<(typeof kinds)[number], FakeProvider>;
const HOUR = 3_600_000;

beforeAll(async () => {
  for (const k of kinds) fakes[k] = await fakeProvider(k);
});
afterAll(() => Promise.all(kinds.map((k) => fakes[k].close())));

async function loggedIn(kind: (typeof kinds)[number]) {
  const u = userAt();
  const login = await u.run(['login', '--provider', kind, '--with-token', '--api-url', fakes[kind].base], { input: KEY });
  expect([login.code, login.stderr]).toEqual([0, expect.stringMatching(new RegExp(`Logged in to .* \\(${kind}\\)`))]);
  return u;
}

/** The windows of a --json answer as [window, label, unit, limit, used, remaining, hours to reset]. */
const rows = (doc: any, at: number) =>
  doc.windows.map((w: any) => [w.window, w.label ?? null, w.unit, w.limit, w.used, w.remaining, w.resets_at === null ? null : Math.round((Date.parse(w.resets_at) - at) / HOUR)]);

describe('quota of a coding plan', () => {
  test('zhipu: token windows reported as the share USED (percent), MCP tool calls with counts, the level as the plan', async () => {
    const u = await loggedIn('zhipu');
    const at = Date.now();
    const r = await u.run(['quota', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ provider: 'zhipu', plan: 'lite', subscription: null });
    expect(rows(doc, at)).toEqual([
      ['cycle', 'MCP tool calls', 'requests', 100, 28, 72, 240],
      ['rolling_5h', null, 'percent', 100, 12, 88, 3],
      ['week', null, 'percent', 100, 40, 60, 48],
    ]);
    expect(doc.notes.join('\n')).toMatch(/not confirmed/);
    expect(fakes.zhipu.seen.at(-1)).toMatchObject({ method: 'GET', path: '/api/monitor/usage/quota/limit', auth: `Bearer ${KEY}` });
    expect((await u.run(['quota', '--line'])).stdout).toMatch(/^5h 12% [23]h\d\dm · wk 40% [12]d\d\dh · mo 28% \d+d\d\dh\n$/);
  });

  test('kimi-code: counts sent as strings, `used` left out and worked out from what remains; the overall figure as the week', async () => {
    const u = await loggedIn('kimi-code');
    const at = Date.now();
    const doc = JSON.parse((await u.run(['quota', '--json'])).stdout);
    expect(doc).toMatchObject({ provider: 'kimi-code', plan: 'LEVEL_INTERMEDIATE' });
    expect(rows(doc, at)).toEqual([
      ['rolling_5h', null, 'requests', 200, 15, 185, 2],
      ['week', null, 'requests', 2048, 548, 1500, 72],
    ]);
    const piped = await u.run(['quota']);
    expect(piped.stdout.split('\n').slice(0, 3).map((l) => l.split('\t').slice(0, 6))).toEqual([
      ['window', 'unit', 'used', 'held', 'limit', 'remaining'],
      ['rolling_5h', 'requests', '15', '0', '200', '185'],
      ['week', 'requests', '548', '0', '2048', '1500'],
    ]);
  });

  test('minimax: `usage_count` read as what REMAINS, each model lane labelled, a lane with no allowance left out; its refusal in base_resp is an auth error', async () => {
    const u = await loggedIn('minimax');
    const at = Date.now();
    const doc = JSON.parse((await u.run(['quota', '--json'])).stdout);
    expect(rows(doc, at)).toEqual([
      ['rolling_5h', 'MiniMax-M2', 'requests', 1500, 255, 1245, 2],
      ['week', 'MiniMax-M2', 'requests', 15000, 1000, 14000, 96],
    ]);
    expect(doc.windows[0].starts_at).toBe(new Date(Date.parse(doc.windows[0].resets_at) - 5 * HOUR).toISOString());
    expect(doc.notes.join('\n')).toMatch(/REMAINING/);
    expect((await u.run(['quota', '--line'])).stdout).toMatch(/^5h 17% [12]h\d\dm · wk 6% [34]d\d\dh\n$/);

    fakes.minimax.quotaRefused = true;
    try {
      const refused = await u.run(['quota']);
      expect(refused.code).toBe(4);
      expect(refused.stderr).toMatch(/rejected the API key: minimax: login fail.*\(status_code 1004\)/);
    } finally {
      fakes.minimax.quotaRefused = false;
    }
  });

  test('the last answer is kept: --offline shows it marked ~', async () => {
    const u = await loggedIn('zhipu');
    expect((await u.run(['quota', '--line'])).code).toBe(0);
    const offline = await u.run(['quota', '--line', '--offline']);
    expect(offline.stdout).toMatch(/^~5h 12% .* · wk 40% .* · mo 28% /);
  });
});

describe('quota --all', () => {
  let s: Served;
  beforeAll(async () => {
    s = await startServe();
    expect((await api(s.url, '/v1/subscriptions', { key: s.key, body: { plan_id: 'pro-monthly' }, headers: { 'idempotency-key': 'all' } })).status).toBe(201);
  });
  afterAll(() => s.stop());

  test('every profile at once: the Token Plan server and each coding plan by its windows, a provider without a quota API as a row saying so', async () => {
    const u = userAt();
    for (const k of kinds) expect((await u.run(['login', '--provider', k, '--profile', k, '--with-token', '--api-url', fakes[k].base], { input: KEY })).code).toBe(0);
    expect((await u.run(['login', '--profile', 'carrier', '--with-token', '--api-url', s.url], { input: s.key })).code).toBe(0);
    const deepseek = await fakeProvider('deepseek');
    try {
      expect((await u.run(['login', '--provider', 'deepseek', '--profile', 'ds', '--with-token', '--api-url', deepseek.base], { input: KEY })).code).toBe(0);
      const json = await u.run(['quota', '--all', '--json']);
      expect(json.code).toBe(0);
      const byProfile = Object.fromEntries(JSON.parse(json.stdout).profiles.map((p: any) => [p.profile, p]));
      expect(Object.keys(byProfile).sort()).toEqual(['carrier', 'ds', 'kimi-code', 'minimax', 'zhipu']);
      expect(byProfile.carrier.quota.windows.find((w: any) => w.window === 'rolling_5h')).toMatchObject({ unit: 'requests', limit: 400, used: 0 });
      expect(byProfile.minimax.quota.windows[0]).toMatchObject({ used: 255, remaining: 1245 });
      expect(byProfile.ds).toMatchObject({ quota: null, error: 'deepseek reports no quota windows over its API' });

      const lines = (await u.run(['quota', '--all', '--line'])).stdout.trim().split('\n').sort();
      expect(lines).toEqual([
        expect.stringMatching(/^carrier: 5h 0% · wk 0% \S+ · mo 0% \S+$/),
        'ds: error: deepseek reports no quota windows over its API',
        expect.stringMatching(/^kimi-code: 5h 7% \S+ · wk 26% \S+$/),
        expect.stringMatching(/^minimax: 5h 17% \S+ · wk 6% \S+$/),
        expect.stringMatching(/^zhipu: 5h 12% \S+ · wk 40% \S+ · mo 28% \S+$/),
      ]);

      const table = await u.run(['quota', '--all']);
      expect(table.stdout.split('\n')[0]).toBe('profile\tprovider\twindow\tunit\tused\tlimit\tremaining\tresets_at\terror');
      expect(table.stdout).toMatch(/^minimax\tminimax\trolling_5h\trequests\t255\t1500\t1245\t\S+\t$/m);
      expect(table.stdout).toMatch(/^ds\tdeepseek\t\t\t\t\t\t\tdeepseek reports no quota windows over its API$/m);
      expect((await u.run(['quota', '--all', '--offline'])).code).toBe(2);
    } finally {
      await deepseek.close();
    }
  });
});
