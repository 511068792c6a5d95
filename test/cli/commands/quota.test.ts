/**
 * `quota` at its seam against the app in-process (--json with pace, --line, the table, the provider
 * routing), and its pure arithmetic: countdowns and the pace that projects exhaustion.
 */
import { describe, expect, test } from 'vitest';
import { countdown, paceOf } from '../../../src/cli/commands/quota/pace.js';
import { windowRefusalHint } from '../../../src/cli/commands/quota/refusal.js';
import { InsufficientQuotaError } from '../../../src/client/errors.js';
import { quotaCommand, quotaRun, type QuotaOptions } from '../../../src/cli/commands/quota/quota.js';
import { CliError } from '../../../src/cli/errors.js';
import type { WindowQuota } from '../../../src/shared/quota.js';
import { optionsOf, seam, SEAM_URL } from '../../helpers/seam.js';

const quota = async (s: Awaited<ReturnType<typeof seam>>, argv: string[]) => quotaRun(await optionsOf<QuotaOptions>(s.ctx, (r) => quotaCommand(s.ctx, r), ['quota', ...argv]));

/** A Lite subscription (80 requests / 5 h, 400 / week, 10M tokens / month) with `n` requests spent. */
async function subscribedSeam(n: number, o: { tty?: boolean } = {}) {
  // Thursday 2026-11-26 10:00 UTC; TZ for the table's clock times comes from the profile, else this machine.
  const s = await seam(o);
  const post = (path: string, body: unknown, key?: string) =>
    s.server.fetch(`${SEAM_URL}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.server.key}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify(body),
    });
  expect((await post('/v1/subscriptions', { plan_id: 'lite-monthly' }, 'sub')).status).toBe(201);
  for (let i = 0; i < n; i++) expect((await post('/v1/chat/completions', { model: 'demo-mini', max_tokens: 2, messages: [{ role: 'user', content: 'hi' }] })).status).toBe(200);
  return s;
}

describe('quota', () => {
  test('--json is the server\'s document, each window with its pace beside it', async () => {
    const s = await subscribedSeam(8);
    await quota(s, ['--json']);
    const doc = JSON.parse(s.io.stdout());
    expect(doc.subscription).toMatchObject({ plan_id: 'lite-monthly', status: 'active', auto_renew: false, current_period_end: '2026-12-26T10:00:00.000Z' });
    expect(doc.windows.map((w: WindowQuota) => [w.window, w.unit, w.used, w.remaining, w.resets_at])).toEqual([
      ['cycle', 'tokens', 80, 9_999_920, '2026-12-26T10:00:00.000Z'],
      ['rolling_5h', 'requests', 8, 72, '2026-11-26T15:00:00.000Z'],
      ['week', 'requests', 8, 392, '2026-11-29T16:00:00.000Z'],
    ]);
    // The rolling window has always run 5 h: 8 requests in it is 1.6 an hour, rounded up; 72 more last past its reset.
    expect(doc.windows[1]).toMatchObject({ per_hour: 2, exhausted_at: null });
    // The cycle began this minute (the clock has not moved): 80 tokens a minute would run out in 125,000 minutes, after the reset.
    expect(doc.windows[0]).toMatchObject({ per_hour: 4800, exhausted_at: null });
  });

  test('--line: per window the used share and the countdown to its reset, one line', async () => {
    const s = await subscribedSeam(8);
    await quota(s, ['--line']);
    expect(s.io.stdout()).toBe('5h 10% 5h00m · wk 2% 3d06h · mo 0% 30d00h\n');
  });

  test('--line marks an exhausted window; without a subscription it shows the packs', async () => {
    const s = await subscribedSeam(80);
    await quota(s, ['--line']);
    expect(s.io.stdout()).toContain('5h 100%! 5h00m');
    const bare = await seam();
    await bare.buy();
    await quota(bare, ['--line']);
    expect(bare.io.stdout()).toBe('packs 400,000\n');
  });

  test('on a terminal: a bar per window, the reset as a countdown and a clock time, the pace', async () => {
    const s = await subscribedSeam(8, { tty: true });
    await quota(s, []);
    const out = s.io.stdout();
    expect(out).toMatch(/lite-monthly · ends \(auto-renew off\) in 30 days/);
    expect(out).toMatch(/5 hours +█░{9} 8 \/ 80 requests +72 +in 5h00m +\w{3} \d\d:00 +2 requests\/h, lasts to the reset/);
    expect(out).toMatch(/month +░{10} 80 \/ 10,000,000 tokens .* 4,800 tokens\/h, no projection yet\n/);
    expect(out).toMatch(/packs: 0 tokens/);
  });

  test('another provider kind is told where to look instead', async () => {
    const s = await seam();
    const o = await optionsOf<QuotaOptions>(s.ctx, (r) => quotaCommand(s.ctx, r), ['quota']);
    await expect(quotaRun({ ...o, provider: 'deepseek' })).rejects.toBeInstanceOf(CliError);
  });
});

describe('quota arithmetic', () => {
  test('countdowns keep the two largest units, rounded up to the minute', () => {
    expect([0, 1, 59_999, 60_001, 3_600_000, 5 * 3_600_000 + 60_000, 86_400_000 * 4 + 2 * 3_600_000].map(countdown)).toEqual(['0m', '1m', '1m', '2m', '1h00m', '5h01m', '4d02h']);
  });

  const window = (o: Partial<WindowQuota>): WindowQuota => ({ unit: 'tokens', window: 'week', limit: 1000, used: 0, held: 0, remaining: 1000, starts_at: '2026-11-23T00:00:00.000Z', resets_at: '2026-11-30T00:00:00.000Z', ...o });
  const now = new Date('2026-11-24T00:00:00Z');

  test('pace: used over the time elapsed, and exhaustion only when it comes before the reset', () => {
    expect(paceOf(window({ used: 240, remaining: 760 }), now)).toEqual({ per_hour: 10, exhausted_at: '2026-11-27T04:00:00.000Z', projects_from: null });
    expect(paceOf(window({ used: 100, remaining: 900 }), now)).toEqual({ per_hour: 5, exhausted_at: null, projects_from: null });
    expect(paceOf(window({}), now)).toEqual({ per_hour: 0, exhausted_at: null, projects_from: null });
    // Running requests count: they are spending now.
    expect(paceOf(window({ used: 0, held: 240, remaining: 760 }), now).per_hour).toBe(10);
  });

  test('no projection until an hour and 2% of the window have passed; the pace is shown before that', () => {
    // A 30-day month from 00:00: 2% is 14 h 24 min, more than the hour.
    const month = (o: Partial<WindowQuota>) => window({ window: 'cycle', limit: 10_000_000, starts_at: '2026-11-27T00:00:00.000Z', resets_at: '2026-12-27T00:00:00.000Z', ...o });
    const at = (iso: string) => new Date(iso);
    // Minutes after subscribing, a few requests would "run out in 26 days": too early, so no projection.
    expect(paceOf(month({ used: 20_000, remaining: 9_980_000 }), at('2026-11-27T00:10:00Z'))).toEqual({ per_hour: 120_000, exhausted_at: null, projects_from: '2026-11-27T14:24:00.000Z' });
    // A minute short of the rule, still none; at it, the projection (here: before the reset).
    expect(paceOf(month({ used: 2_000_000, remaining: 8_000_000 }), at('2026-11-27T14:23:00Z')).exhausted_at).toBeNull();
    expect(paceOf(month({ used: 2_000_000, remaining: 8_000_000 }), at('2026-11-27T14:24:00Z'))).toEqual({ per_hour: 138_889, exhausted_at: '2026-11-30T00:00:00.000Z', projects_from: null });
    // A week: 2% is 3 h 22 min; a rolling 5-hour window (or one with no reset yet) needs the hour.
    expect(paceOf(window({ used: 900, remaining: 100 }), at('2026-11-23T03:21:00Z')).projects_from).toBe('2026-11-23T03:21:36.000Z');
    expect(paceOf(window({ used: 900, remaining: 100 }), at('2026-11-23T03:22:00Z')).exhausted_at).not.toBeNull();
    const fresh = window({ window: 'rolling_5h', used: 5, remaining: 995, starts_at: '2026-11-23T00:00:00.000Z', resets_at: null });
    expect(paceOf(fresh, at('2026-11-23T00:59:00Z')).projects_from).toBe('2026-11-23T01:00:00.000Z');
    expect(paceOf(fresh, at('2026-11-23T01:00:00Z')).projects_from).toBeNull();
  });

  test('on a terminal, too early to project says so', async () => {
    const { columns } = await import('../../../src/cli/commands/quota/render.js');
    const pace = columns(new Date('2026-11-27T00:10:00Z'), 'UTC').find((c) => c.key === 'per_hour')!;
    const w = window({ window: 'cycle', limit: 10_000_000, used: 20_000, remaining: 9_980_000, starts_at: '2026-11-27T00:00:00.000Z', resets_at: '2026-12-27T00:00:00.000Z' });
    expect(pace.human(w as never)).toBe('120,000 tokens/h, no projection yet');
  });
});

describe('a run refused by a window', () => {
  const refusal = (code: string, retryAfterMs?: number) => new InsufficientQuotaError(429, 'insufficient_quota', code, 'refused', 'req', retryAfterMs);
  const now = new Date('2026-11-26T10:00:00Z');

  test('the hint names the window and its reset in local time, with the date when it is days away', () => {
    expect(windowRefusalHint(refusal('quota_exhausted_rolling_5h', 4 * 3_600_000), now, 'Asia/Shanghai')).toBe(
      'the rolling 5-hour window resets at 22:00 (in 4h00m); `tokencli quota` shows every window, `tokencli plans` the packs that pay beyond it',
    );
    expect(windowRefusalHint(refusal('quota_exhausted_week', 78 * 3_600_000), now, 'Europe/London')).toMatch(/^the weekly window resets at Sun 29 Nov, 16:00 \(in 3d06h\)/);
    expect(windowRefusalHint(refusal('quota_exhausted_cycle'), now, 'UTC')).toMatch(/^the monthly window frees as running requests finish/);
  });

  test('across a DST change the reset is on the local clock as it will then read', () => {
    // 18:00 EDT on Saturday; 25 hours later (New York fell back an hour on Sunday) it is 18:00 EST again.
    const saturday = new Date('2026-10-31T22:00:00Z');
    expect(windowRefusalHint(refusal('quota_exhausted_week', 25 * 3_600_000), saturday, 'America/New_York')).toMatch(/^the weekly window resets at Sun 1 Nov, 18:00 \(in 1d01h\)/);
  });

  test('any other shortage keeps the pack hint', () => {
    expect(windowRefusalHint(refusal('insufficient_balance'), now)).toBeUndefined();
  });
});
