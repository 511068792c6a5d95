/**
 * Time-of-day multipliers: GLM's 3× peak from 14:00 Beijing, DeepSeek's weekday daytime 2×, a
 * promotion that ends; and, over random instants, that `changes_at` is exactly the first instant at
 * which another multiplier applies.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { modelMultiplierAt, multiplierAt, multiplierMilliAt, publishedMultiplier, scaledRates, scheduleProblem, type MultiplierSchedule } from '../../src/tokens/peak.js';

const at = (s: string) => Date.parse(s);
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

const GLM: MultiplierSchedule = { time_zone: 'Asia/Shanghai', base_milli: 2000, rules: [{ from_minute: 840, to_minute: 1080, multiplier_milli: 3000 }] };
const DEEPSEEK: MultiplierSchedule = {
  time_zone: 'Asia/Shanghai',
  base_milli: 1000,
  rules: [
    { from_minute: 540, to_minute: 720, weekdays: [0, 1, 2, 3, 4], multiplier_milli: 2000 },
    { from_minute: 840, to_minute: 1080, weekdays: [0, 1, 2, 3, 4], multiplier_milli: 2000 },
  ],
};
// A 1× promotion over GLM's whole day until the end of June 2026 (Beijing time), then the usual schedule.
const PROMO: MultiplierSchedule = { ...GLM, rules: [{ from_minute: 0, to_minute: 1440, effective_until: '2026-06-30T16:00:00Z', multiplier_milli: 1000 }, ...GLM.rules] };

describe('multipliers by the hour', () => {
  test('GLM: 2× until 13:59:59 Beijing, 3× from 14:00 to 18:00', () => {
    expect(multiplierAt(GLM, at('2026-11-26T05:59:59.999Z'))).toEqual({ multiplier_milli: 2000, changes_at: at('2026-11-26T06:00:00Z') });
    expect(multiplierAt(GLM, at('2026-11-26T06:00:00Z'))).toEqual({ multiplier_milli: 3000, changes_at: at('2026-11-26T10:00:00Z') });
  });

  test('DeepSeek: weekday daytime only; Friday evening\'s next change is Monday 09:00', () => {
    expect(iso(multiplierAt(DEEPSEEK, at('2026-11-27T10:00:00Z')).changes_at)).toBe('2026-11-30T01:00:00.000Z');
    expect(multiplierAt(DEEPSEEK, at('2026-11-28T03:00:00Z')).multiplier_milli).toBe(1000); // Saturday 11:00
  });

  test('a promotion ends at its date, then the usual schedule applies', () => {
    expect(multiplierAt(PROMO, at('2026-06-30T06:00:00Z'))).toEqual({ multiplier_milli: 1000, changes_at: at('2026-06-30T16:00:00Z') });
    expect(multiplierAt(PROMO, at('2026-07-01T06:00:00Z')).multiplier_milli).toBe(3000);
  });

  test('property: the multiplier holds until changes_at, and changes there', () => {
    fc.assert(
      fc.property(fc.integer({ min: at('2026-01-01T00:00:00Z'), max: at('2027-12-31T00:00:00Z') }), fc.constantFrom(GLM, DEEPSEEK, PROMO), (t, s) => {
        const now = multiplierAt(s, t);
        expect(now.changes_at).not.toBeNull();
        const change = now.changes_at!;
        expect(change).toBeGreaterThan(t);
        expect(multiplierMilliAt(s, change - 1)).toBe(now.multiplier_milli);
        expect(multiplierMilliAt(s, change)).not.toBe(now.multiplier_milli);
        // Rules are whole minutes long, so a change would show on the half hour.
        for (let x = t; x < change; x += 30 * 60_000) expect(multiplierMilliAt(s, x)).toBe(now.multiplier_milli);
      }),
      { numRuns: 40 },
    );
  });

  test('scaled rates are whole thousandths, rounded up', () => {
    expect(scaledRates({ input_multiplier_milli: 1000, output_multiplier_milli: 333 }, 1500)).toEqual({ input_multiplier_milli: 1500, output_multiplier_milli: 500 });
  });
});

describe('a multiplier as GET /v1/models publishes it', () => {
  const published = { multiplier_milli: 2000, changes_at: '2026-11-27T06:00:00.000Z', time_zone: 'Asia/Shanghai' };

  test('with its schedule, a cached list gives the right multiplier on either side of the peak boundary', () => {
    const p = publishedMultiplier({ id: 'glm', multiplier: { ...published, schedule: GLM } })!;
    expect(modelMultiplierAt(p, at('2026-11-27T05:59:59.999Z'))).toEqual({ multiplier_milli: 2000, changes_at: at('2026-11-27T06:00:00Z'), stale: false });
    expect(modelMultiplierAt(p, at('2026-11-27T06:00:00Z'))).toEqual({ multiplier_milli: 3000, changes_at: at('2026-11-27T10:00:00Z'), stale: false });
  });

  test('without one, the multiplier reported holds until changes_at, then is marked stale', () => {
    const p = publishedMultiplier({ multiplier: published })!;
    expect(modelMultiplierAt(p, at('2026-11-27T05:00:00Z'))).toMatchObject({ multiplier_milli: 2000, stale: false });
    expect(modelMultiplierAt(p, at('2026-11-27T06:00:00Z'))).toMatchObject({ multiplier_milli: 2000, stale: true });
  });

  test('anything malformed counts as no multiplier; a malformed schedule as no schedule', () => {
    for (const multiplier of [undefined, null, 3, { ...published, multiplier_milli: 1.5 }, { ...published, changes_at: 'soon' }, { ...published, time_zone: 8 }]) {
      expect(publishedMultiplier({ multiplier })).toBeUndefined();
    }
    expect(publishedMultiplier({ multiplier: { ...published, changes_at: null } })).toEqual({ ...published, changes_at: null });
    expect(publishedMultiplier({ multiplier: { ...published, schedule: { ...GLM, rules: [{ from_minute: 'two' }] } } })).toEqual(published);
  });
});

test('a configured schedule is checked before anything is billed by it', () => {
  expect([GLM, DEEPSEEK, PROMO].map(scheduleProblem)).toEqual([undefined, undefined, undefined]);
  expect(scheduleProblem({ ...GLM, time_zone: 'Mars/Olympus' })).toBe('unknown time zone "Mars/Olympus"');
  expect(scheduleProblem({ ...GLM, rules: [{ from_minute: 900, to_minute: 840, multiplier_milli: 3000 }] })).toMatch(/rule 1: from_minute must be before to_minute/);
  expect(scheduleProblem({ ...GLM, rules: [{ from_minute: 0, to_minute: 60, weekdays: [7], multiplier_milli: 3000 }] })).toMatch(/rule 1: weekdays are 0 \(Monday\) to 6/);
  expect(scheduleProblem({ ...GLM, rules: [{ from_minute: 0, to_minute: 60, effective_until: 'next spring', multiplier_milli: 3000 }] })).toMatch(/rule 1: effective_until must be an ISO 8601 instant/);
  expect(scheduleProblem({ time_zone: 'UTC', base_milli: 1.5, rules: [] })).toMatch(/^a schedule is/);
});
