/**
 * Every provider kind end to end against a local fake that replays its documented shapes: login,
 * models, a streamed run, balance, purchase, and its out-of-money signal; then `balance --all`.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { userAt } from '../helpers/cli.js';
import { fakeProvider, type FakeProvider } from '../helpers/fake-providers.js';
import { ledgerRows } from '../helpers/ledger.js';

const KEY = 'sk-test-0123456789abcdef';
const kinds = ['openai', 'openrouter', 'deepseek', 'siliconflow', 'moonshot', 'stepfun', 'ollama', 'openai-compatible'] as const;
const fakes = {} as Record<(typeof kinds)[number], FakeProvider>;

beforeAll(async () => {
  for (const k of kinds) fakes[k] = await fakeProvider(k);
});
afterAll(() => Promise.all(kinds.map((k) => fakes[k].close())));

/** Per kind: the normalised balance expected (available, then every amount), or null when none is documented. */
const BALANCES: Record<(typeof kinds)[number], { available: [number, string]; amounts: [string, number, string][] } | null> = {
  openai: null,
  openrouter: { available: [7450, 'USD'], amounts: [['key limit remaining', 7450, 'USD'], ['key usage', 2550, 'USD']] },
  deepseek: { available: [11000, 'CNY'], amounts: [['total CNY', 11000, 'CNY'], ['granted CNY', 1000, 'CNY'], ['topped up CNY', 10000, 'CNY']] },
  siliconflow: { available: [8888, 'USD'], amounts: [['total', 8888, 'USD'], ['granted', 88, 'USD'], ['charged', 8800, 'USD']] },
  moonshot: { available: [4958, 'USD'], amounts: [['available', 4958, 'USD'], ['voucher', 5058, 'USD'], ['cash', -100, 'USD']] },
  stepfun: { available: [1250, 'USD'], amounts: [['available', 1250, 'USD'], ['cash deposited', 0, 'USD'], ['vouchers granted', 2600, 'USD']] },
  ollama: null,
  'openai-compatible': null,
};

describe.each(kinds)('%s', (kind) => {
  test('login, models, run, balance, purchase, and out of money', async () => {
    const fake = fakes[kind];
    fake.seen.length = 0;
    fake.broke = false;
    const u = userAt();
    const needsKey = kind !== 'ollama';
    const login = await u.run(['login', '--provider', kind, '--with-token', '--api-url', fake.base], { input: needsKey ? KEY : '' });
    expect(login.code, login.stderr).toBe(0);
    expect(login.stderr).toMatch(new RegExp(`Logged in to ${fake.base.replace(/[.]/g, '\\.')} \\(${kind}\\)`));
    // The key was checked before it was saved, with the provider's key, on a documented path.
    expect(fake.seen.length).toBeGreaterThan(0);
    if (needsKey) expect(fake.seen[0]!.auth).toBe(`Bearer ${KEY}`);

    const status = await u.run(['auth', 'status', '--json']);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ provider: kind, status: 'ok', reachable: true, account: null, key: needsKey ? { source: 'stored' } : null });

    const models = await u.run(['models', '--json']);
    expect(models.code, models.stderr).toBe(0);
    expect(JSON.parse(models.stdout).data.length).toBeGreaterThan(0);
    if (kind === 'ollama') {
      // Context length lives in Ollama's native /api/show, asked only with --details.
      const details = JSON.parse((await u.run(['models', '--details', '--json'])).stdout);
      expect(details.data[0]).toMatchObject({ id: 'llama3.2:latest', context_length: 131072 });
      expect(fake.seen.some((r) => r.path === '/api/show' && r.body.model === 'llama3.2:latest')).toBe(true);
    }
    if (kind === 'openrouter') {
      expect((await u.run(['models', '--no-header'])).stdout).toBe('openai/gpt-4\t8192\t30\t60\n');
    }
    if (kind === 'moonshot') expect(JSON.parse(models.stdout).data[0].context_length).toBe(262144);

    // A model the provider lists (an unknown one is refused before anything is sent).
    const model = JSON.parse(models.stdout).data[0].id as string;
    const typo = await u.run(['run', '-m', model.slice(0, -1), 'hi']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain(`did you mean ${model}?`);
    const run = await u.run(['run', '-m', model, '--usage', 'hi']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`Hello from ${kind}\n`);
    const chat = fake.seen.find((s) => s.path.endsWith('/chat/completions'))!;
    expect(chat.body).toMatchObject({ model, stream: true, stream_options: { include_usage: true } });
    expect(chat.auth).toBe(needsKey ? `Bearer ${KEY}` : undefined);
    const row = ledgerRows(u.home)[0];
    expect(row).toMatchObject({ provider: kind, status: 'ok', source: kind === 'stepfun' ? 'estimate' : 'server' });
    if (kind !== 'stepfun') expect(row).toMatchObject({ prompt_tokens: 12, completion_tokens: 4 });
    expect(run.stderr).toMatch(kind === 'stepfun' ? /\(estimated\)/ : /12 in · 4 out/);

    const balance = await u.run(['balance', '--json']);
    expect(balance.code, balance.stderr).toBe(0);
    const doc = JSON.parse(balance.stdout);
    const want = BALANCES[kind];
    if (want) {
      expect(doc.provider).toBe(kind);
      expect([doc.available.amount_minor, doc.available.currency]).toEqual(want.available);
      expect(doc.amounts.map((a: any) => [a.label, a.amount_minor, a.currency])).toEqual(want.amounts);
      expect(doc.raw).toBeTypeOf('object');
      expect((await u.run(['balance', '--min', String(want.available[0] / 100)])).code).toBe(0);
      expect((await u.run(['balance', '--min', String(want.available[0] / 100 + 1)])).code).toBe(5);
    } else {
      expect(doc).toMatchObject({ provider: kind, available: null, balance_api: false });
      expect(doc.local_spend_30d.runs).toBe(1);
      const min = await u.run(['balance', '--min', '1']);
      expect(min.code).toBe(2);
      expect(min.stderr).toMatch(/offers no balance API/);
    }

    const purchase = await u.run(['plan', 'purchase', 'anything']);
    expect(purchase.code).toBe(0);
    if (kind === 'ollama' || kind === 'openai-compatible') expect(purchase.stdout).toBe('');
    else {
      expect(purchase.stdout).toMatch(/^https:\/\/\S+\n$/);
      expect(purchase.stderr).toMatch(/nothing was bought/);
    }

    fake.broke = true;
    const broke = await u.run(['run', '-m', model, 'hi']);
    fake.broke = false;
    // OpenAI's 429 insufficient_quota, Moonshot's 403 about balance, everyone else's 402: all exit 5.
    expect(broke.code, broke.stderr).toBe(5);
    expect(broke.stderr).toMatch(/not enough tokens/);
  });
});

test('balance --all: every profile at once, one unreachable shown as a row, not a failure', async () => {
  const u = userAt();
  for (const k of ['deepseek', 'moonshot', 'ollama'] as const) {
    expect((await u.run(['login', '--provider', k, '--profile', k, '--with-token', '--api-url', fakes[k].base], { input: k === 'ollama' ? '' : KEY })).code).toBe(0);
  }
  await u.run(['login', '--provider', 'deepseek', '--profile', 'gone', '--with-token', '--api-url', fakes.deepseek.base], { input: KEY });
  await u.run(['config', 'set', 'api_url', 'http://127.0.0.1:9', '--profile', 'gone']);
  const r = await u.run(['balance', '--all', '--json', '--timeout', '3']);
  expect(r.code).toBe(0);
  const rows = Object.fromEntries(JSON.parse(r.stdout).profiles.map((p: any) => [p.profile, p]));
  expect(rows.deepseek.available).toEqual({ amount_minor: 11000, currency: 'CNY' });
  expect(rows.moonshot.available).toEqual({ amount_minor: 4958, currency: 'USD' });
  expect(rows.ollama.error).toMatch(/no balance API/);
  expect(rows.gone.error).toMatch(/could not reach http:\/\/127\.0\.0\.1:9/);
  const table = await u.run(['balance', '--all', '--timeout', '3']);
  expect(table.stdout).toMatch(/^profile\tprovider\ttokens_remaining\tavailable_minor\tcurrency\terror$/m);
  expect(table.stdout).toMatch(/^deepseek\tdeepseek\t\t11000\tCNY\t$/m);
});
