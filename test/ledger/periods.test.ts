/** Budget periods and evaluation as pure functions: boundaries, time zones, DST, exact thresholds. */
import { describe, expect, test } from 'vitest';
import { crossedThresholds, evaluate, parseThresholds, projectExhaustion, wouldExceed, type Budget } from '../../src/ledger/budget.js';
import { periodBounds, startOfDay } from '../../src/ledger/periods.js';
import { parseMoney } from '../../src/cli/money.js';

const iso = (d: Date) => d.toISOString();
const bounds = (period: 'day' | 'week' | 'month', now: string, tz: string) => {
  const b = periodBounds(period, new Date(now), tz);
  return [iso(b.start), iso(b.end)];
};

describe('periodBounds', () => {
  test('day, week (ISO, Monday first) and month in UTC', () => {
    expect(bounds('day', '2026-11-26T17:00:00Z', 'UTC')).toEqual(['2026-11-26T00:00:00.000Z', '2026-11-27T00:00:00.000Z']);
    // 2026-11-26 is a Thursday; its ISO week runs Monday 23rd to Monday 30th.
    expect(bounds('week', '2026-11-26T17:00:00Z', 'UTC')).toEqual(['2026-11-23T00:00:00.000Z', '2026-11-30T00:00:00.000Z']);
    expect(bounds('week', '2026-11-29T23:59:59Z', 'UTC')).toEqual(['2026-11-23T00:00:00.000Z', '2026-11-30T00:00:00.000Z']);
    expect(bounds('week', '2026-11-30T00:00:00Z', 'UTC')).toEqual(['2026-11-30T00:00:00.000Z', '2026-12-07T00:00:00.000Z']);
    expect(bounds('month', '2026-12-31T23:59:59Z', 'UTC')).toEqual(['2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
    expect(bounds('month', '2028-02-29T12:00:00Z', 'UTC')).toEqual(['2028-02-01T00:00:00.000Z', '2028-03-01T00:00:00.000Z']);
  });

  test('a week that spans a year end', () => {
    // 2026-12-31 is a Thursday: the week starts Monday 2026-12-28 and ends Monday 2027-01-04.
    expect(bounds('week', '2026-12-31T10:00:00Z', 'UTC')).toEqual(['2026-12-28T00:00:00.000Z', '2027-01-04T00:00:00.000Z']);
  });

  test('in Asia/Shanghai the day starts at 16:00 UTC the evening before', () => {
    expect(bounds('day', '2026-11-26T17:00:00Z', 'Asia/Shanghai')).toEqual(['2026-11-26T16:00:00.000Z', '2026-11-27T16:00:00.000Z']);
    expect(bounds('day', '2026-11-26T15:59:59Z', 'Asia/Shanghai')).toEqual(['2026-11-25T16:00:00.000Z', '2026-11-26T16:00:00.000Z']);
    expect(bounds('month', '2026-11-30T16:30:00Z', 'Asia/Shanghai')).toEqual(['2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z']);
  });

  test('DST: New York spring-forward day is 23 hours, fall-back day 25 hours', () => {
    const spring = periodBounds('day', new Date('2026-03-08T12:00:00Z'), 'America/New_York');
    expect([iso(spring.start), iso(spring.end)]).toEqual(['2026-03-08T05:00:00.000Z', '2026-03-09T04:00:00.000Z']);
    expect(spring.end.getTime() - spring.start.getTime()).toBe(23 * 3_600_000);
    const fall = periodBounds('day', new Date('2026-11-01T12:00:00Z'), 'America/New_York');
    expect([iso(fall.start), iso(fall.end)]).toEqual(['2026-11-01T04:00:00.000Z', '2026-11-02T05:00:00.000Z']);
    expect(fall.end.getTime() - fall.start.getTime()).toBe(25 * 3_600_000);
  });

  test('DST: a Berlin week across the October change is 7 days and 1 hour', () => {
    const w = periodBounds('week', new Date('2026-10-27T12:00:00Z'), 'Europe/Berlin');
    // Tuesday 27 October: the week began Monday 00:00 CET (after the change on Sunday the 25th).
    expect([iso(w.start), iso(w.end)]).toEqual(['2026-10-25T23:00:00.000Z', '2026-11-01T23:00:00.000Z']);
    const before = periodBounds('week', new Date('2026-10-24T12:00:00Z'), 'Europe/Berlin');
    expect(before.end.getTime() - before.start.getTime()).toBe(7 * 86_400_000 + 3_600_000);
  });

  test('startOfDay normalises overflowing days and months', () => {
    expect(iso(startOfDay(2026, 13, 1, 'UTC'))).toBe('2027-01-01T00:00:00.000Z');
    expect(iso(startOfDay(2026, 2, 29, 'UTC'))).toBe('2026-03-01T00:00:00.000Z');
  });
});

const budget = (limit: number, warn = [50, 80, 100], hard = true): Budget => ({ id: 1, profile: 'p', period: 'day', limit_tokens: limit, limit_money: null, warn, hard, alert_command: null });

describe('budget evaluation', () => {
  test('a threshold is crossed exactly at its boundary, not one token before', () => {
    expect(crossedThresholds(48, 98, [50])).toEqual([]);
    expect(crossedThresholds(49, 98, [50, 80])).toEqual([50]);
    expect(crossedThresholds(999, 1000, [100])).toEqual([]);
    expect(crossedThresholds(1000, 1000, [50, 80, 100])).toEqual([50, 80, 100]);
    expect(crossedThresholds(800, 1000, [50, 80, 100])).toEqual([50, 80]);
    expect(crossedThresholds(799, 1000, [50, 80, 100])).toEqual([50]);
    // Odd limits: 1/3 of 7 is not an integer; 33 % of 7 is 2.31, so 3 tokens cross it and 2 do not.
    expect(crossedThresholds(2, 7, [33])).toEqual([]);
    expect(crossedThresholds(3, 7, [33])).toEqual([33]);
  });

  test('a hard budget refuses a run that would take it past the limit, and allows one that lands on it', () => {
    const b = periodBounds('day', new Date('2026-11-26T12:00:00Z'), 'UTC');
    const state = evaluate(budget(100), b, 90, new Date('2026-11-26T12:00:00Z'));
    expect(wouldExceed(state, 10)).toBe(false);
    expect(wouldExceed(state, 11)).toBe(true);
    expect(wouldExceed(evaluate(budget(100, [50], false), b, 90, new Date()), 1000)).toBe(false);
    expect(state).toMatchObject({ used: 90, percent: 90, remaining: 10, crossed: [50, 80] });
  });

  test('percent and all figures stay integers for huge ledgers', () => {
    const b = periodBounds('month', new Date('2026-11-26T12:00:00Z'), 'UTC');
    const s = evaluate(budget(3_000_000_000_000), b, 1_000_000_000_001, new Date('2026-11-26T12:00:00Z'));
    expect(Number.isInteger(s.percent)).toBe(true);
    expect(s.percent).toBe(33);
  });

  test('projected exhaustion from the burn rate, with the day-one and nothing-used edges', () => {
    const start = new Date('2026-11-26T00:00:00Z');
    const end = new Date('2026-11-27T00:00:00Z');
    // A quarter used in a quarter of the day reaches the limit exactly at the reset: not within the period.
    expect(projectExhaustion(start, new Date('2026-11-26T06:00:00Z'), 25, 100, end)).toBeNull();
    expect(projectExhaustion(start, new Date('2026-11-26T06:00:00Z'), 50, 100, end)?.toISOString()).toBe('2026-11-26T12:00:00.000Z');
    expect(projectExhaustion(start, new Date('2026-11-26T06:00:00Z'), 0, 100, end)).toBeNull();
    expect(projectExhaustion(start, start, 10, 100, end)).toBeNull();
    expect(projectExhaustion(start, new Date('2026-11-26T06:00:00Z'), 100, 100, end)?.toISOString()).toBe('2026-11-26T06:00:00.000Z');
  });

  test('thresholds and money parse strictly', () => {
    expect(parseThresholds('80, 50,100,50')).toEqual([50, 80, 100]);
    expect(parseThresholds('50,abc')).toBeUndefined();
    expect(parseThresholds('0')).toBeUndefined();
    expect(parseMoney('¥5')).toEqual({ amount_minor: 500, currency: 'CNY' });
    expect(parseMoney('5.5')).toEqual({ amount_minor: 550, currency: 'CNY' });
    expect(parseMoney('$0.07')).toEqual({ amount_minor: 7, currency: 'USD' });
    expect(parseMoney('12 usd')).toEqual({ amount_minor: 1200, currency: 'USD' });
    expect(parseMoney('1.005')).toBeUndefined();
    expect(parseMoney('-1')).toBeUndefined();
    expect(parseMoney('0')).toBeUndefined();
  });
});
