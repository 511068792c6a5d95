/** Budget periods as pure functions: day, ISO week and month boundaries, time zones, DST. */
import { describe, expect, test } from 'vitest';
import { periodBounds, startOfDay } from '../../src/ledger/periods.js';

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
