/**
 * Window alerts against a real ledger: each threshold alerts once per calendar window (claimed in
 * the ledger, so a second process or a second run does not alert again) and again in the next one;
 * the rolling window alerts again only after its use fell back under the threshold; a jump past
 * several thresholds is one alert naming the highest, given to the alert command.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { raiseWindowAlerts } from '../../src/cli/budget-enforcement.js';
import { testIO } from '../../src/cli/io/streams.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { setWindowAlert } from '../../src/ledger/quota-store.js';
import type { WindowQuota } from '../../src/shared/quota.js';
import { tempDir } from '../helpers/procs.js';

const who = { profile: 'default', apiUrl: 'http://127.0.0.1:1', account: 'key:a' };
const now = new Date('2026-11-26T10:00:00Z');
const week = (used: number, resets = '2026-11-29T16:00:00.000Z'): WindowQuota => ({ unit: 'requests', window: 'week', limit: 100, used, held: 0, remaining: 100 - used, starts_at: '2026-11-22T16:00:00.000Z', resets_at: resets });
const rolling = (used: number): WindowQuota => ({ ...week(used), window: 'rolling_5h', starts_at: '2026-11-26T05:00:00.000Z', resets_at: '2026-11-26T14:00:00.000Z' });

function setup(window: WindowQuota['window']) {
  const ledger = Ledger.open(join(tempDir(), 'ledger.db'));
  setWindowAlert(ledger, { profile: 'default', window, warn: [50, 80, 100], alert_command: 'notify' }, now);
  const commands: Record<string, string>[] = [];
  const io = testIO();
  // Each reading asked for a second after the one before, as successive runs are.
  let clock = now.getTime();
  const check = (w: WindowQuota) => {
    const at = new Date((clock += 1000));
    return raiseWindowAlerts(ledger, who, [w], io.io, { now: at, askedAt: at }, async (_cmd, env) => void commands.push(env));
  };
  const lines = () => io.stderr().trim().split('\n').filter(Boolean);
  return { ledger, check, commands, lines };
}

describe('window alerts', () => {
  test('a calendar window: once per threshold, the highest of a jump, again in the next week', async () => {
    const s = setup('week');
    await s.check(week(49));
    expect(s.lines()).toEqual([]);
    await s.check(week(85));
    await s.check(week(86));
    expect(s.lines()).toEqual([expect.stringMatching(/^! weekly quota window at 85% \(threshold 80%\): 85 of 100 requests; resets in 3 days$/)]);
    expect(s.commands).toEqual([expect.objectContaining({ TOKENCLI_ALERT_WINDOW: 'week', TOKENCLI_ALERT_UNIT: 'requests', TOKENCLI_ALERT_THRESHOLD: '80', TOKENCLI_ALERT_PERCENT: '85', TOKENCLI_ALERT_LIMIT: '100', TOKENCLI_ALERT_RESETS_AT: '2026-11-29T16:00:00.000Z' })]);
    // Another process reading the same ledger has nothing left to claim.
    const other = testIO();
    await raiseWindowAlerts(s.ledger, who, [week(90)], other.io, { now, askedAt: now }, async () => {});
    expect(other.stderr()).toBe('');
    // The next week is another window.
    await s.check(week(60, '2026-12-06T16:00:00.000Z'));
    expect(s.lines()).toHaveLength(2);
    expect(s.lines()[1]).toMatch(/at 60% \(threshold 50%\)/);
  });

  test('the rolling window: again only after its use fell back under the threshold', async () => {
    const s = setup('rolling_5h');
    await s.check(rolling(55));
    await s.check(rolling(58));
    expect(s.lines()).toHaveLength(1);
    await s.check(rolling(40));
    await s.check(rolling(51));
    expect(s.lines()).toHaveLength(2);
    expect(s.lines()[1]).toMatch(/5-hour quota window at 51% \(threshold 50%\)/);
  });

  test('the rolling window: a reading asked for before the claim does not re-arm it (overlapping runs)', async () => {
    const s = setup('rolling_5h');
    const at = (ms: number) => new Date(now.getTime() + ms);
    const check = (w: WindowQuota, askedAt: Date, done: Date) => raiseWindowAlerts(s.ledger, who, [w], testIO().io, { now: done, askedAt }, async (_cmd, env) => void s.commands.push(env));
    await check(rolling(55), at(100), at(200));
    // A run sent before that claim, finishing after it, with the lower use it was answered with.
    await check(rolling(40), at(50), at(300));
    await check(rolling(56), at(250), at(400));
    expect(s.commands.map((c) => c.TOKENCLI_ALERT_THRESHOLD)).toEqual(['50']);
    // A reading asked for after the claim is newer evidence: the use fell back, the threshold re-arms.
    await check(rolling(40), at(500), at(600));
    await check(rolling(52), at(700), at(800));
    expect(s.commands.map((c) => c.TOKENCLI_ALERT_THRESHOLD)).toEqual(['50', '50']);
  });

  test('alerts belong to their profile and window: another window or profile is not checked', async () => {
    const s = setup('week');
    await s.check(rolling(100));
    await raiseWindowAlerts(s.ledger, { ...who, profile: 'work' }, [week(100)], testIO().io, { now, askedAt: now }, async () => {});
    expect(s.lines()).toEqual([]);
    expect(s.commands).toEqual([]);
  });
});
