/**
 * `quota` without the server: the windows read from a chat answer's headers (with the run added),
 * and the estimate from the last snapshot plus local spend since, window by window, including
 * windows that turned since the snapshot (the week at Monday 00:00 Beijing, the cycle on its day)
 * and a subscription that ended.
 */
import { describe, expect, test } from 'vitest';
import { snapshotAfterRun, windowsInHeaders, type StoredQuota } from '../../../src/cli/commands/quota/headers.js';
import { offlineQuota, type SpendSince } from '../../../src/cli/commands/quota/offline.js';
import type { WindowQuota } from '../../../src/shared/quota.js';

const bag = (h: Record<string, string>) => ({ get: (name: string) => h[name] ?? null });

describe('the windows in a chat answer\'s headers', () => {
  const headers = bag({
    'x-quota-rolling-5h-requests-limit': '80',
    'x-quota-rolling-5h-requests-used': '7',
    'x-quota-rolling-5h-requests-remaining': '72',
    'x-quota-rolling-5h-requests-reset': '2026-11-26T14:00:00.000Z',
    'x-quota-week-requests-limit': '400',
    'x-quota-week-requests-used': '30',
    'x-quota-week-requests-remaining': '369',
    'x-quota-week-requests-reset': '2026-11-29T16:00:00.000Z',
    'x-quota-cycle-tokens-limit': '1000',
    'x-quota-cycle-tokens-used': '500',
    'x-quota-cycle-tokens-remaining': '480',
    'x-quota-cycle-tokens-reset': '2026-12-26T10:00:00.000Z',
    // Half a window is no window.
    'x-quota-week-tokens-limit': '9',
  });

  test('are read whole, and a snapshot after the run adds the run itself (its request, its plan tokens)', () => {
    const windows = windowsInHeaders(headers);
    expect(windows.map((w) => [w.window, w.unit, w.used, w.remaining])).toEqual([
      ['rolling_5h', 'requests', 7, 72],
      ['week', 'requests', 30, 369],
      ['cycle', 'tokens', 500, 480],
    ]);
    const previous: StoredQuota = {
      object: 'quota',
      as_of: '2026-11-26T09:00:00.000Z',
      subscription: { id: 's', plan_id: 'lite-monthly', status: 'active', auto_renew: false, time_zone: 'Asia/Shanghai', started_at: '2026-11-26T10:00:00.000Z', current_period_start: '2026-11-26T10:00:00.000Z', current_period_end: '2026-12-26T10:00:00.000Z', price: { amount_minor: 990, currency: 'CNY' } },
      windows: [],
      packs: { tokens_remaining: 5, tokens_held: 0, tokens_owed: 0 },
    };
    const after = snapshotAfterRun(previous, windows, { billed: 12 }, new Date('2026-11-27T10:00:00Z'));
    expect(after.windows.map((w) => [w.window, w.used, w.held, w.remaining, w.starts_at])).toEqual([
      ['rolling_5h', 8, 0, 72, '2026-11-27T05:00:00.000Z'],
      // Monday 00:00 Beijing is Sunday 16:00 UTC.
      ['week', 31, 0, 369, '2026-11-22T16:00:00.000Z'],
      ['cycle', 512, 0, 488, '2026-11-26T10:00:00.000Z'],
    ]);
    expect(after).toMatchObject({ subscription: { plan_id: 'lite-monthly' }, packs: { tokens_remaining: 5 }, as_of: '2026-11-27T10:00:00.000Z' });
    expect(snapshotAfterRun(undefined, windows, { billed: 12 }, new Date('2026-11-27T10:00:00Z'))).toMatchObject({ subscription: null, packs: null });
  });

  test('an answer without them (no subscription, another server) gives none', () => {
    expect(windowsInHeaders(bag({}))).toEqual([]);
  });
});

describe('the offline estimate', () => {
  const window = (o: Partial<WindowQuota>): WindowQuota => ({ unit: 'requests', window: 'week', limit: 100, used: 10, held: 2, remaining: 88, starts_at: '2026-11-22T16:00:00.000Z', resets_at: '2026-11-29T16:00:00.000Z', ...o });
  const snapshot = (windows: WindowQuota[], sub: Partial<NonNullable<StoredQuota['subscription']>> = {}): StoredQuota => ({
    object: 'quota',
    as_of: '2026-11-26T10:00:00.000Z',
    subscription: { id: 's', plan_id: 'p', status: 'active', auto_renew: true, time_zone: 'Asia/Shanghai', started_at: '2026-10-31T02:00:00.000Z', current_period_start: '2026-11-30T02:00:00.000Z', current_period_end: '2026-12-31T02:00:00.000Z', price: { amount_minor: 1, currency: 'CNY' }, ...sub },
    windows,
    packs: null,
  });
  /** Local runs: one request of 10 plan tokens at each instant. */
  const runsAt = (...isos: string[]): SpendSince => (since) => {
    const n = isos.filter((i) => Date.parse(i) >= since.getTime()).length;
    return { requests: n, tokens: 10 * n };
  };
  const seen = '2026-11-26T10:00:00.000Z';

  test('before a reset: the snapshot (held counted as used) plus what this machine spent since', () => {
    const q = offlineQuota(snapshot([window({})]), seen, runsAt('2026-11-26T09:00:00Z', '2026-11-26T11:00:00Z', '2026-11-26T12:00:00Z'), new Date('2026-11-26T13:00:00Z'));
    expect(q).toMatchObject({ estimate: true, seen_at: seen, as_of: '2026-11-26T13:00:00.000Z' });
    expect(q.windows[0]).toMatchObject({ used: 14, held: 0, remaining: 86, resets_at: '2026-11-29T16:00:00.000Z' });
  });

  test('the week turns at Monday 00:00 Beijing: only what was spent after it counts, and the next reset is a week on', () => {
    const spend = runsAt('2026-11-29T15:59:59Z', '2026-11-29T16:00:00Z');
    expect(offlineQuota(snapshot([window({})]), seen, spend, new Date('2026-11-29T15:59:59.999Z')).windows[0]).toMatchObject({ used: 14 });
    expect(offlineQuota(snapshot([window({})]), seen, spend, new Date('2026-11-29T16:00:00Z')).windows[0]).toMatchObject({
      used: 1,
      remaining: 99,
      starts_at: '2026-11-29T16:00:00.000Z',
      resets_at: '2026-12-06T16:00:00.000Z',
    });
  });

  test('in a DST zone the week that turns is reckoned on local Mondays (Berlin: the October change falls inside the old week)', () => {
    const berlin = snapshot([window({ starts_at: '2026-10-18T22:00:00.000Z', resets_at: '2026-10-25T23:00:00.000Z' })], { time_zone: 'Europe/Berlin' });
    const q = offlineQuota(berlin, '2026-10-24T10:00:00.000Z', runsAt('2026-10-26T08:00:00Z'), new Date('2026-10-27T00:00:00Z'));
    // Monday 26 October 00:00 CET (UTC+1) to Monday 2 November 00:00 CET.
    expect(q.windows[0]).toMatchObject({ used: 1, starts_at: '2026-10-25T23:00:00.000Z', resets_at: '2026-11-01T23:00:00.000Z' });
  });

  test('the cycle of a subscription taken on the 31st turns on the 30th of November, then on the 31st of December', () => {
    const cycle = window({ unit: 'tokens', window: 'cycle', limit: 1000, used: 900, held: 0, remaining: 100, starts_at: '2026-10-31T02:00:00.000Z', resets_at: '2026-11-30T02:00:00.000Z' });
    const q = offlineQuota(snapshot([cycle]), seen, runsAt('2026-11-30T01:00:00Z', '2026-11-30T03:00:00Z'), new Date('2026-11-30T04:00:00Z'));
    expect(q.windows[0]).toMatchObject({ used: 10, remaining: 990, starts_at: '2026-11-30T02:00:00.000Z', resets_at: '2026-12-31T02:00:00.000Z' });
  });

  test('the rolling window keeps what the snapshot counted for 5 h after it, then holds only the local runs of the last 5 h', () => {
    const rolling = window({ window: 'rolling_5h', used: 50, held: 0, remaining: 50, starts_at: '2026-11-26T05:00:00.000Z', resets_at: '2026-11-26T12:00:00.000Z' });
    const spend = runsAt('2026-11-26T09:30:00Z', '2026-11-26T11:00:00Z');
    // 13:00: the oldest usage counted has left (12:00), but how much left is unknown: none is taken off.
    expect(offlineQuota(snapshot([rolling]), seen, spend, new Date('2026-11-26T13:00:00Z')).windows[0]).toMatchObject({ used: 51, resets_at: null });
    expect(offlineQuota(snapshot([rolling]), seen, spend, new Date('2026-11-26T15:30:00Z')).windows[0]).toMatchObject({ used: 1, remaining: 99, starts_at: '2026-11-26T10:30:00.000Z' });
  });

  test('a subscription that ended without renewal has no windows left', () => {
    const q = offlineQuota(snapshot([window({})], { auto_renew: false, current_period_end: '2026-11-27T00:00:00.000Z' }), seen, runsAt(), new Date('2026-11-27T00:00:00Z'));
    expect(q.windows).toEqual([]);
    expect(q.subscription).toMatchObject({ status: 'ended' });
  });
});
