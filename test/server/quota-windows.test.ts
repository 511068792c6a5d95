/**
 * Subscription windows in-process with a controlled clock: admission at each boundary (rolling 5 h,
 * Monday 00:00 Beijing, the cycle day), the 429 that names the window, the deduction order
 * (windows, then packs), racing requests against the last of a window, lease recovery into the
 * windows, the quota headers, and the peak multiplier switching at 14:00 Beijing.
 */
import { describe, expect, test } from 'vitest';
import { getSubscriptionPlan, subscribe } from '../../src/server/store/subscriptions.js';
import { renewHold, settleAbandonedHolds } from '../../src/server/store/leases.js';
import { inProcessServer } from '../helpers/app.js';
import { DEMO_MODELS } from '../../src/server/backends/demo.js';

const URL = 'http://127.0.0.1:1';

/** A tiny plan so that tests reach its limits in a few requests. */
async function subscribed(start: string, limits: [unit: string, window: string, cap: number][]) {
  const s = await inProcessServer({ start });
  await s.db.run(`INSERT INTO subscription_plans VALUES ('tiny', 'Tiny', 'test', 100, 100, 'CNY', 'Asia/Shanghai', 99)`);
  for (const [unit, window, cap] of limits) await s.db.run('INSERT INTO subscription_plan_limits VALUES (?, ?, ?, ?)', ['tiny', unit, window, cap]);
  const tiny = (await getSubscriptionPlan(s.db, 'tiny'))!;
  await s.db.transaction((tx) => subscribe(tx, s.account.id, tiny, new Date(start)));
  const chat = async (body: Record<string, unknown> = {}) => {
    const res = await s.fetch(`${URL}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'demo-mini', messages: [{ role: 'user', content: 'hi' }], max_tokens: 2, ...body }),
    });
    return { status: res.status, headers: res.headers, json: (await res.json()) as any };
  };
  const quota = async () => (await (await s.fetch(`${URL}/v1/quota`, { headers: { authorization: `Bearer ${s.key}` } })).json()) as any;
  const setClock = (iso: string) => s.advance(Date.parse(iso) - s.meter['now']().getTime());
  return { ...s, chat, quota, setClock };
}

describe('subscription windows', () => {
  test('rolling 5 h: refused until the oldest request is exactly 5 h old, with the window named', async () => {
    const s = await subscribed('2026-11-26T10:00:00Z', [['requests', 'rolling_5h', 2]]);
    expect((await s.chat()).json.usage.billing).toMatchObject({ funded_by: 'subscription', billed_tokens: 10 });
    s.setClock('2026-11-26T11:00:00Z');
    expect((await s.chat()).status).toBe(200);
    const refused = await s.chat();
    expect(refused.status).toBe(429);
    expect(refused.json.error).toMatchObject({ type: 'insufficient_quota', code: 'quota_exhausted_rolling_5h', window: 'rolling_5h', resets_at: '2026-11-26T15:00:00.000Z' });
    expect(refused.headers.get('retry-after')).toBe(String(4 * 3600));
    s.setClock('2026-11-26T14:59:59.999Z');
    expect((await s.chat()).status).toBe(429);
    s.setClock('2026-11-26T15:00:00Z');
    expect((await s.chat()).status).toBe(200);
  });

  test('the week turns at Monday 00:00 Beijing time (Sunday 16:00 UTC)', async () => {
    const s = await subscribed('2026-11-22T10:00:00Z', [['requests', 'week', 1]]);
    expect((await s.chat()).status).toBe(200);
    const refused = await s.chat();
    expect(refused.json.error).toMatchObject({ code: 'quota_exhausted_week', resets_at: '2026-11-22T16:00:00.000Z' });
    s.setClock('2026-11-22T15:59:59.999Z');
    expect((await s.chat()).status).toBe(429);
    s.setClock('2026-11-22T16:00:00Z');
    expect((await s.chat()).status).toBe(200);
  });

  test('the cycle renews on the subscription day; windows first, then packs, then refuse', async () => {
    // Subscribed 2026-01-31 10:00 Beijing: the next cycle starts 2026-02-28 10:00 Beijing.
    const s = await subscribed('2026-01-31T02:00:00Z', [['tokens', 'cycle', 25]]);
    await s.fetch(`${URL}/v1/subscription`, { method: 'PATCH', headers: { authorization: `Bearer ${s.key}`, 'content-type': 'application/json' }, body: JSON.stringify({ auto_renew: true }) });
    expect((await s.chat()).status).toBe(200); // 10 tokens
    expect((await s.chat()).status).toBe(200); // 20
    const refused = await s.chat();
    expect(refused.json.error).toMatchObject({ code: 'quota_exhausted_cycle', resets_at: '2026-02-28T02:00:00.000Z' });
    await s.buyAt('starter', new Date('2026-01-31T02:00:00Z'));
    expect((await s.chat()).json.usage.billing).toMatchObject({ funded_by: 'packs', tokens_remaining: 399_990 });
    s.setClock('2026-02-28T02:00:00Z');
    expect((await s.chat()).json.usage.billing.funded_by).toBe('subscription');
    const q = await s.quota();
    expect(q.windows).toEqual([
      { unit: 'tokens', window: 'cycle', limit: 25, used: 10, held: 0, remaining: 15, starts_at: '2026-02-28T02:00:00.000Z', resets_at: '2026-03-31T02:00:00.000Z' },
    ]);
  });

  test('auto-renew is off by default: the subscription ends with its period; on, it renews at the regular price', async () => {
    const s = await subscribed('2026-01-31T02:00:00Z', [['tokens', 'cycle', 25]]);
    s.setClock('2026-02-28T02:00:00Z');
    expect(await s.quota()).toMatchObject({ subscription: { status: 'ended', auto_renew: false, current_period_end: '2026-02-28T02:00:00.000Z' }, windows: [] });
    expect((await s.chat()).status).toBe(402);
    const renewed = await s.fetch(`${URL}/v1/subscription`, { method: 'PATCH', headers: { authorization: `Bearer ${s.key}`, 'content-type': 'application/json' }, body: JSON.stringify({ auto_renew: true }) });
    expect(await renewed.json()).toMatchObject({ status: 'active', current_period_start: '2026-02-28T02:00:00.000Z', current_period_end: '2026-03-31T02:00:00.000Z', price: { amount_minor: 100 } });
    expect((await s.chat()).status).toBe(200);
  });

  test('a request too large for the window but not for the packs is funded whole by the packs', async () => {
    const s = await subscribed('2026-11-26T10:00:00Z', [['tokens', 'cycle', 25]]);
    await s.buyAt('starter', new Date('2026-11-26T10:00:00Z'));
    expect((await s.chat({ max_tokens: 100 })).json.usage.billing).toMatchObject({ funded_by: 'packs', billed_tokens: 108 });
    expect((await s.quota()).windows[0]).toMatchObject({ used: 0, remaining: 25 });
  });

  test('racing requests never overspend a window: running requests hold their share', async () => {
    const s = await subscribed('2026-11-26T10:00:00Z', [['tokens', 'cycle', 30]]);
    // Each needs a 8 + 12 = 20-token hold: only one fits under 30 at a time.
    const results = await Promise.all([1, 2, 3, 4].map(() => s.chat({ max_tokens: 12 })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 429, 429, 429]);
    expect((await s.quota()).windows[0]).toMatchObject({ used: 20, held: 0, remaining: 10 });
  });

  test('a subscription hold left by a crashed server is settled into the windows, not the packs', async () => {
    const s = await subscribed('2026-11-26T10:00:00Z', [['tokens', 'cycle', 1000], ['requests', 'rolling_5h', 5]]);
    const mini = { id: 'demo-mini', owned_by: 't', created: 0, context_length: 8192, rates: { input_multiplier_milli: 1000, output_multiplier_milli: 1000 } };
    const admission = await s.meter.admit(s.account.id, 'req-crash', mini, [{ role: 'user', content: 'hi' }], 100);
    await renewHold(s.db, admission.holdId, 40, new Date('2026-11-26T10:00:01Z'), 60_000);
    expect((await s.quota()).windows.find((w: any) => w.unit === 'tokens')).toMatchObject({ used: 0, held: 108, remaining: 892 });
    expect(await settleAbandonedHolds(s.db, new Date('2026-11-26T10:00:02Z'), { all: true })).toBe(1);
    const windows = (await s.quota()).windows;
    expect(windows.find((w: any) => w.unit === 'tokens')).toMatchObject({ used: 48, held: 0, remaining: 952 });
    expect(windows.find((w: any) => w.unit === 'requests')).toMatchObject({ used: 1, held: 0, remaining: 4 });
    expect((await s.quota()).packs).toEqual({ tokens_remaining: 0, tokens_held: 0, tokens_owed: 0 });
  });

  test('every chat answer carries the windows as headers, as this request\'s hold leaves them', async () => {
    const s = await subscribed('2026-11-26T10:00:00Z', [['requests', 'rolling_5h', 5], ['tokens', 'week', 1000]]);
    await s.chat();
    const h = (await s.chat()).headers;
    expect(Object.fromEntries([...h].filter(([k]) => k.startsWith('x-quota-')))).toEqual({
      'x-quota-rolling-5h-requests-limit': '5',
      'x-quota-rolling-5h-requests-used': '1',
      'x-quota-rolling-5h-requests-remaining': '3',
      'x-quota-rolling-5h-requests-reset': '2026-11-26T15:00:00.000Z',
      'x-quota-week-tokens-limit': '1000',
      'x-quota-week-tokens-used': '10',
      'x-quota-week-tokens-remaining': '980',
      'x-quota-week-tokens-reset': '2026-11-29T16:00:00.000Z',
    });
  });
});

describe('upgrades', () => {
  test('prorated: half the period left costs half the difference; usage carries over to the new limits', async () => {
    const s = await inProcessServer({ start: '2026-11-26T10:00:00Z' });
    const call = async (method: string, path: string, body?: unknown, key?: string) => {
      const res = await s.fetch(`${URL}${path}`, {
        method,
        headers: { authorization: `Bearer ${s.key}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, json: (await res.json()) as any };
    };
    expect((await call('POST', '/v1/subscriptions', { plan_id: 'lite-monthly' }, 'sub')).json.price.amount_minor).toBe(990);
    await call('POST', '/v1/chat/completions', { model: 'demo-mini', max_tokens: 2, messages: [{ role: 'user', content: 'hi' }] });
    // The period runs 26 Nov to 26 Dec, 30 days; on 11 Dec 10:00 UTC half of it is left.
    s.advance(15 * 86_400_000);
    expect((await call('POST', '/v1/subscription/upgrade', { plan_id: 'lite-monthly' }, 'up-0')).json.error.code).toBe('not_an_upgrade');
    const up = await call('POST', '/v1/subscription/upgrade', { plan_id: 'pro-monthly' }, 'up-1');
    expect(up.json).toMatchObject({ plan_id: 'pro-monthly', current_period_end: '2026-12-26T10:00:00.000Z', price: { amount_minor: 990 + 5_000 } });
    expect((await call('POST', '/v1/subscription/upgrade', { plan_id: 'pro-monthly' }, 'up-1')).json.price.amount_minor).toBe(5_990);
    const cycle = (await call('GET', '/v1/quota')).json.windows.find((w: any) => w.window === 'cycle');
    expect(cycle).toMatchObject({ limit: 40_000_000, used: 10 });
  });
});

describe('the peak multiplier', () => {
  test('demo-glm costs 2× until 13:59:59 Beijing and 3× from 14:00, recorded per request', async () => {
    const s = await subscribed('2026-11-26T05:59:59Z', [['tokens', 'cycle', 1_000_000]]);
    // The model list read a second before the peak (and reused by the server) must not outlive it.
    const before = (await (await s.fetch(`${URL}/v1/models`)).json()) as any;
    expect(before.data.find((m: any) => m.id === 'demo-glm').multiplier).toMatchObject({ multiplier_milli: 2000, changes_at: '2026-11-26T06:00:00.000Z' });
    // 8 prompt + 2 completion tokens at 1×/1×, times the multiplier in force at admission.
    expect((await s.chat({ model: 'demo-glm' })).json.usage.billing).toMatchObject({ billed_tokens: 20, multiplier_milli: 2000 });
    s.setClock('2026-11-26T06:00:00Z');
    expect((await s.chat({ model: 'demo-glm' })).json.usage.billing).toMatchObject({ billed_tokens: 30, multiplier_milli: 3000 });
    const rows = await s.db.all('SELECT multiplier_milli, billed_tokens FROM chat_requests ORDER BY created_at');
    expect(rows).toEqual([{ multiplier_milli: 2000, billed_tokens: 20 }, { multiplier_milli: 3000, billed_tokens: 30 }]);
    const models = (await (await s.fetch(`${URL}/v1/models`)).json()) as any;
    expect(models.data.find((m: any) => m.id === 'demo-glm').multiplier).toEqual({ multiplier_milli: 3000, changes_at: '2026-11-26T10:00:00.000Z', time_zone: 'Asia/Shanghai', schedule: DEMO_MODELS.find((m) => m.id === 'demo-glm')!.schedule });
  });
});
