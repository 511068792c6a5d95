/**
 * `tokencli plans` with both kinds, and the subscription verbs (`plan subscribe`, `plan cancel`,
 * `plan renew --on|--off`) end to end against a real `tokencli serve`: what the server then holds,
 * the errors that name the fix, and a subscribe whose answer is lost, retried with its one key.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { userAt } from '../helpers/cli.js';
import { dropFirstAnswer } from '../helpers/drop-proxy.js';
import { onPty } from '../helpers/pty.js';
import { api, startServe, type Served } from '../helpers/serve.js';
import { multiplierAt } from '../../src/tokens/peak.js';
import { DEMO_MODELS } from '../../src/server/backends/demo.js';

let s: Served;
beforeAll(async () => {
  s = await startServe();
});
afterAll(() => s.stop());

let accounts = 0;

/** A fresh account on the running server, so each test starts unsubscribed. */
async function freshUser() {
  const key = (await userAt().run(['serve', 'keys', 'create', '--account', `plans-${++accounts}`, '--data-dir', s.dataDir])).stdout.trim();
  return { key, u: userAt(undefined, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: key }) };
}

describe('tokencli plans', () => {
  test('--json has the packs as data and the tiers beside them, each tier with its limits and prices', async () => {
    const { u } = await freshUser();
    const r = await u.run(['plans', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.data.map((p: any) => p.id)).toEqual(['starter', 'basic', 'pro', 'max']);
    expect(doc.subscription_plans.map((p: any) => p.id)).toEqual(['lite-monthly', 'pro-monthly', 'max-monthly']);
    expect(doc.subscription_plans[0]).toMatchObject({ kind: 'subscription', price: { amount_minor: 4_900 }, first_period_price: { amount_minor: 990 }, time_zone: 'Asia/Shanghai' });
    expect(doc.subscription_plans[0].limits).toContainEqual({ unit: 'requests', window: 'rolling_5h', cap: 80 });
    expect(JSON.parse((await u.run(['plans', '--json', '--kind', 'pack'])).stdout).subscription_plans).toEqual([]);
  });

  test('piped: the packs table as before, the tiers with --kind subscription; a terminal shows both', async () => {
    const { u, key } = await freshUser();
    expect((await u.run(['plans'])).stdout.split('\n')[0]).toBe('id\tname\ttokens\tprice_minor\tcurrency\tvalidity_days\ttokens_per_major_unit');
    const tiers = await u.run(['plans', '--kind', 'subscription']);
    expect(tiers.stdout.split('\n').slice(0, 2)).toEqual([
      'id\tname\tprice_minor\tfirst_period_price_minor\tcurrency\tlimits\ttime_zone',
      'lite-monthly\tLite\t4900\t990\tCNY\ttokens:cycle:10000000,requests:rolling_5h:80,requests:week:400\tAsia/Shanghai',
    ]);
    expect((await u.run(['plans', '--kind', 'bundle'])).code).toBe(2);

    const pty = onPty(['plans'], { home: u.home, env: { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: key }, columns: 140 });
    expect(await pty.exit()).toBe(0);
    const screen = pty.screen();
    expect(screen).toMatch(/Packs[\s\S]*starter\s+Starter pack\s+400,000\s+¥1\.00[\s\S]*Subscriptions/);
    expect(screen).toMatch(/lite-monthly\s+Lite\s+¥49\.00\s+¥9\.90\s+80 requests per 5 h, 400 requests a week, 10,000,000 tokens a month/);
  });
});

describe('plan subscribe, cancel, renew', () => {
  test('subscribe --yes --json, then cancel and renew --on|--off change what the server holds', async () => {
    const { u, key } = await freshUser();
    const sub = await u.run(['plan', 'subscribe', 'lite-monthly', '--yes', '--json']);
    expect([sub.code, sub.stderr]).toEqual([0, '']);
    const doc = JSON.parse(sub.stdout);
    expect(doc).toMatchObject({ plan_id: 'lite-monthly', status: 'active', auto_renew: false, price: { amount_minor: 990, currency: 'CNY' } });
    expect((await api(s.url, '/v1/subscription', { key })).json.id).toBe(doc.id);

    const on = await u.run(['plan', 'renew', '--on']);
    expect(on.code).toBe(0);
    expect(on.stdout).toContain('auto_renew\ttrue');
    expect(on.stderr).toMatch(/lite-monthly renews at /);
    expect((await api(s.url, '/v1/subscription', { key })).json.auto_renew).toBe(true);

    const cancel = await u.run(['plan', 'cancel', '--json']);
    expect(cancel.code).toBe(0);
    expect(JSON.parse(cancel.stdout)).toMatchObject({ id: doc.id, status: 'active', auto_renew: false, current_period_end: doc.current_period_end });
    expect((await api(s.url, '/v1/subscription', { key })).json.auto_renew).toBe(false);
    // Cancelling twice is no error: the subscription simply stays cancelled.
    expect((await u.run(['plan', 'renew', '--off'])).code).toBe(0);

    const again = await u.run(['plan', 'subscribe', 'pro-monthly', '--yes']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already has an active subscription\n.*plan cancel/);
  });

  test('bad input: one line naming the fix, a documented exit code, nothing charged', async () => {
    const { u, key } = await freshUser();
    const noPrompt = await u.run(['plan', 'subscribe', 'lite-monthly']);
    expect(noPrompt.code).toBe(2);
    expect(noPrompt.stderr).toMatch(/no terminal to ask\n.*--yes/);
    const unknown = await u.run(['plan', 'subscribe', 'starter', '--yes']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no subscription tier "starter"\ntiers: lite-monthly, pro-monthly, max-monthly \(packs are bought with `tokencli plan purchase`\)/);
    const neither = await u.run(['plan', 'renew']);
    expect(neither.code).toBe(2);
    expect((await u.run(['plan', 'renew', '--on', '--off'])).code).toBe(2);
    const none = await u.run(['plan', 'cancel']);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no active subscription\n.*plan subscribe TIER/);
    const nothingToUpgrade = await u.run(['plan', 'upgrade', 'pro-monthly', '--yes']);
    expect(nothingToUpgrade.code).toBe(1);
    expect(nothingToUpgrade.stderr).toMatch(/no active subscription\n/);
    expect((await api(s.url, '/v1/subscription', { key })).status).toBe(404);
  });

  test('plan upgrade: a dearer tier at once, the difference prorated over the month left; a cheaper one is refused with the way to get it', async () => {
    const { u, key } = await freshUser();
    expect((await u.run(['plan', 'subscribe', 'lite-monthly', '--yes'])).code).toBe(0);
    expect((await u.run(['plan', 'upgrade', 'pro-monthly'])).code).toBe(2);
    const up = await u.run(['plan', 'upgrade', 'pro-monthly', '--yes', '--json']);
    expect(up.code).toBe(0);
    const doc = JSON.parse(up.stdout);
    expect(doc).toMatchObject({ plan_id: 'pro-monthly', status: 'active' });
    // ¥9.90 paid, plus (¥149 − ¥49) for almost the whole month: within a fen or two of ¥100 more.
    expect(doc.price.amount_minor - 990).toBeGreaterThan(9_990);
    expect(doc.price.amount_minor - 990).toBeLessThanOrEqual(10_000);
    expect((await api(s.url, '/v1/subscription', { key })).json.plan_id).toBe('pro-monthly');
    const down = await u.run(['plan', 'upgrade', 'lite-monthly', '--yes']);
    expect(down.code).toBe(2);
    expect(down.stderr).toMatch(/costs no more than pro-monthly.*\n.*plan cancel`, then `tokencli plan subscribe TIER/);
  });

  test('on a terminal: the tier, its price and limits are asked about; yes subscribes', async () => {
    const { u, key } = await freshUser();
    const pty = onPty(['plan', 'subscribe', 'pro-monthly'], { home: u.home, env: { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: key } });
    await pty.waitFor(/Pro \(pro-monthly\): 400 requests per 5 h, 2,000 requests a week, 40,000,000 tokens a month; auto-renew starts off\n.*Subscribe to Pro for ¥149\.00 a month \(¥39\.90 the first\)\?/);
    pty.type('y\r');
    expect(await pty.exit()).toBe(0);
    expect(pty.screen()).toMatch(/auto-renew\s+off/);
    expect(pty.screen()).toMatch(/Subscribed to Pro/);
    expect((await api(s.url, '/v1/subscription', { key })).json.plan_id).toBe('pro-monthly');
  });

  test('a lost subscribe answer is retried with the same key and ends with exactly one subscription, charged once', async () => {
    const { u, key } = await freshUser();
    const proxy = await dropFirstAnswer(s.url, /^POST \/v1\/subscriptions/);
    try {
      const r = await u.run(['plan', 'subscribe', 'lite-monthly', '--yes', '--json', '--api-url', proxy.url, '--debug']);
      expect(proxy.dropped()).toBe(1);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(/retry 1/);
      const keys = [...r.stderr.matchAll(/> POST \S+\/v1\/subscriptions.*"idempotency-key":"([^"]+)"/g)].map((m) => m[1]);
      expect(keys).toHaveLength(2);
      expect(new Set(keys).size).toBe(1);
      // The replay is the subscription the first attempt made, not a second one refused as existing.
      expect(JSON.parse(r.stdout).id).toBe((await api(s.url, '/v1/subscription', { key })).json.id);
    } finally {
      await proxy.close();
    }
  });
});

describe('the hour\'s multiplier from the CLI', () => {
  test('models and run --dry-run give demo-glm\'s multiplier in force now and when it changes', async () => {
    const { u } = await freshUser();
    const schedule = DEMO_MODELS.find((m) => m.id === 'demo-glm')!.schedule!;
    const before = multiplierAt(schedule, Date.now());
    const models = await u.run(['models']);
    const dry = await u.run(['run', '--dry-run', '--json', '-m', 'demo-glm', '--max-tokens', '10', 'hello']);
    const after = multiplierAt(schedule, Date.now());
    // Unless the commands ran across the peak boundary, both say what the schedule says now.
    if (before.changes_at === after.changes_at) {
      const changes = new Date(before.changes_at!).toISOString();
      expect(models.stdout).toContain(`demo-glm\t32768\t1000\t1000\ttokencli-demo\t${before.multiplier_milli}\t${changes}\n`);
      const doc = JSON.parse(dry.stdout);
      expect(doc.multiplier).toEqual({ multiplier_milli: before.multiplier_milli, changes_at: changes, stale: false });
      expect(doc.rates_in_force).toEqual({ input_multiplier_milli: before.multiplier_milli, output_multiplier_milli: before.multiplier_milli });
      expect(doc.plan_tokens.max).toBe(Math.ceil(((doc.prompt_tokens + 10) * before.multiplier_milli) / 1000));
    }
  });
});
