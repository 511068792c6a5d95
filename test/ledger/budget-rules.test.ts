/** Budget evaluation as pure functions: thresholds, hard refusals, integer percents, burn rate. */
import { describe, expect, test } from 'vitest';
import { crossedThresholds, evaluate, parseThresholds, projectExhaustion, wouldExceed, type Budget } from '../../src/ledger/budget-rules.js';
import { periodBounds } from '../../src/ledger/periods.js';

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

  test('no projection until an hour and 2% of the period have passed (the rule quota follows too)', () => {
    const day = { start: new Date('2026-11-26T00:00:00Z'), end: new Date('2026-11-27T00:00:00Z') };
    // Half the budget in 59 minutes would "run out" before noon: too early to say.
    expect(projectExhaustion(day.start, new Date('2026-11-26T00:59:59Z'), 50, 100, day.end)).toBeNull();
    expect(projectExhaustion(day.start, new Date('2026-11-26T01:00:00Z'), 50, 100, day.end)?.toISOString()).toBe('2026-11-26T02:00:00.000Z');
    // A 30-day month: 2% is 14 h 24 min, longer than the hour.
    const month = { start: new Date('2026-11-01T00:00:00Z'), end: new Date('2026-12-01T00:00:00Z') };
    expect(projectExhaustion(month.start, new Date('2026-11-01T14:23:59Z'), 50, 100, month.end)).toBeNull();
    expect(projectExhaustion(month.start, new Date('2026-11-01T14:24:00Z'), 50, 100, month.end)?.toISOString()).toBe('2026-11-02T04:48:00.000Z');
    // Over the limit is a fact, not a projection: said at once.
    expect(projectExhaustion(day.start, new Date('2026-11-26T00:10:00Z'), 100, 100, day.end)?.toISOString()).toBe('2026-11-26T00:10:00.000Z');
  });

  test('thresholds parse strictly', () => {
    expect(parseThresholds('80, 50,100,50')).toEqual([50, 80, 100]);
    expect(parseThresholds('50,abc')).toBeUndefined();
    expect(parseThresholds('0')).toBeUndefined();
  });
});
