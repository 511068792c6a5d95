/**
 * Window and period arithmetic: the week's Monday 00:00 in the plan's zone, the monthly cycle from
 * the subscription day, across month ends and DST transitions (including zones whose clocks jump
 * at midnight), as examples and as properties over random instants.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cycleBounds, periodStart, weekBounds } from '../../src/tokens/windows.js';
import { daysInMonth, instantOf, localTime } from '../../src/tokens/zoned.js';

const iso = (t: number) => new Date(t).toISOString();
const at = (s: string) => Date.parse(s);
// A DST-free zone, two DST zones, and two whose clocks jump at local midnight (Monday 00:00 can be skipped).
const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'America/Santiago', 'America/Havana', 'Australia/Lord_Howe'];
const instants = fc.integer({ min: at('2020-01-01T00:00:00Z'), max: at('2035-12-31T00:00:00Z') });

describe('instants of local times', () => {
  test('a time that occurs twice is its first occurrence; a skipped one is shifted past the gap', () => {
    // New York, 2026-11-01: 01:30 happens at -04:00 then at -05:00.
    expect(iso(instantOf(2026, 11, 1, 1, 30, 0, 0, 'America/New_York'))).toBe('2026-11-01T05:30:00.000Z');
    // 2026-03-08: 02:30 does not exist; it becomes 03:30 -04:00.
    expect(iso(instantOf(2026, 3, 8, 2, 30, 0, 0, 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z');
  });

  test('round trip: the local time of the instant of a local time is that local time, outside gaps', () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...ZONES), (t, zone) => {
        const l = localTime(t, zone);
        expect(instantOf(l.year, l.month, l.day, l.hour, l.minute, l.second, l.ms, zone)).toBeLessThanOrEqual(t);
        expect(localTime(instantOf(l.year, l.month, l.day, l.hour, l.minute, l.second, l.ms, zone), zone)).toEqual(l);
      }),
    );
  });
});

describe('the calendar week', () => {
  test('in Asia/Shanghai it turns at Monday 00:00 +08:00, i.e. Sunday 16:00 UTC', () => {
    expect(weekBounds(at('2026-11-22T15:59:59.999Z'), 'Asia/Shanghai')).toEqual({ start: at('2026-11-15T16:00:00Z'), end: at('2026-11-22T16:00:00Z') });
    expect(weekBounds(at('2026-11-22T16:00:00Z'), 'Asia/Shanghai').start).toBe(at('2026-11-22T16:00:00Z'));
  });

  test('the week holding the spring DST change is an hour short; the next is whole', () => {
    const spring = weekBounds(at('2026-03-05T12:00:00Z'), 'America/New_York');
    expect([iso(spring.start), iso(spring.end)]).toEqual(['2026-03-02T05:00:00.000Z', '2026-03-09T04:00:00.000Z']);
    expect(spring.end - spring.start).toBe(7 * 86_400_000 - 3_600_000);
    const next = weekBounds(at('2026-03-10T12:00:00Z'), 'America/New_York');
    expect(next.end - next.start).toBe(7 * 86_400_000);
  });

  test('property: t is in its week, which starts on a local Monday at the day\'s first instant', () => {
    fc.assert(
      fc.property(instants, fc.constantFrom(...ZONES), (t, zone) => {
        const w = weekBounds(t, zone);
        expect(w.start).toBeLessThanOrEqual(t);
        expect(t).toBeLessThan(w.end);
        const start = localTime(w.start, zone);
        expect(start.weekday).toBe(0);
        // Midnight itself, or the instant the clocks jumped past a skipped midnight.
        expect(start.hour * 60 + start.minute).toBeLessThanOrEqual(60);
        expect(localTime(w.start - 1, zone).weekday).toBe(6);
        expect(weekBounds(w.end, zone).start).toBe(w.end);
      }),
    );
  });
});

describe('the monthly cycle from the subscription day', () => {
  const jan31 = at('2026-01-30T18:30:00Z'); // 2026-01-31 02:30 in Shanghai

  test('a subscription taken on the 31st renews on the last day of shorter months, then on the 31st again', () => {
    const starts = [0, 1, 2, 3].map((k) => iso(periodStart(jan31, k, 'Asia/Shanghai')));
    expect(starts).toEqual(['2026-01-30T18:30:00.000Z', '2026-02-27T18:30:00.000Z', '2026-03-30T18:30:00.000Z', '2026-04-29T18:30:00.000Z']);
    // Leap year: 29 February.
    expect(iso(periodStart(at('2027-01-30T18:30:00Z'), 1, 'Asia/Shanghai'))).toBe('2027-02-27T18:30:00.000Z');
    expect(iso(periodStart(at('2028-01-30T18:30:00Z'), 1, 'Asia/Shanghai'))).toBe('2028-02-28T18:30:00.000Z');
  });

  test('the boundary instant belongs to the new period', () => {
    const boundary = periodStart(jan31, 1, 'Asia/Shanghai');
    expect(cycleBounds(jan31, boundary - 1, 'Asia/Shanghai').index).toBe(0);
    expect(cycleBounds(jan31, boundary, 'Asia/Shanghai')).toMatchObject({ index: 1, start: boundary });
  });

  test('property: t is in its period, periods tile time, and each starts on the anchor day or its month\'s last', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 0, max: 5 * 365 * 86_400_000 }), fc.constantFrom(...ZONES), (anchor, later, zone) => {
        const t = anchor + later;
        const c = cycleBounds(anchor, t, zone);
        expect(c.start).toBeLessThanOrEqual(t);
        expect(t).toBeLessThan(c.end);
        expect(cycleBounds(anchor, c.end, zone)).toMatchObject({ index: c.index + 1, start: c.end });
        const a = localTime(anchor, zone);
        const s = localTime(c.start, zone);
        if (c.index === 0) expect(c.start).toBe(anchor);
        // Outside a DST gap the period starts at the anchor's local time on its day, clamped to the month's end.
        if (s.hour === a.hour) expect(s.day).toBe(Math.min(a.day, daysInMonth(s.year, s.month)));
      }),
    );
  });
});
