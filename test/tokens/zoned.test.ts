/**
 * UTC without ICU (tokens/zoned.ts): its names, its wall-clock arithmetic and the machine's zone,
 * each held to what Intl says.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkZone, instantOf, localTime } from '../../src/tokens/zoned.js';
import { ROOT } from '../helpers/procs.js';

const UTC_NAMES = ['UTC', 'Etc/UTC', 'Etc/UCT', 'UCT', 'Etc/Universal', 'Universal', 'Etc/Zulu', 'Zulu', 'GMT', 'Etc/GMT', 'Greenwich', 'Etc/Greenwich', 'GMT0', 'Etc/GMT0', 'Etc/GMT+0', 'Etc/GMT-0', 'GMT+0', 'GMT-0'];

describe('UTC by its names', () => {
  test('every name computed without ICU is one Intl calls UTC', () => {
    for (const zone of UTC_NAMES) expect(new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone, zone).toBe('UTC');
  });

  test('local times and instants match what Intl computes (the same names in lower case go through Intl)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('1970-01-01T00:00:00Z'), max: Date.parse('2200-01-01T00:00:00Z') }), fc.constantFrom(...UTC_NAMES), (t, zone) => {
        const viaIntl = localTime(t, zone.toLowerCase());
        expect(localTime(t, zone)).toEqual(viaIntl);
        const l = viaIntl;
        expect(instantOf(l.year, l.month, l.day, l.hour, l.minute, l.second, l.ms, zone)).toBe(t);
      }),
      { numRuns: 500 },
    );
  });

  test('a zone Intl does not know still fails the check', () => {
    expect(() => checkZone('Mars/Olympus_Mons')).toThrow(RangeError);
    expect(() => checkZone('UTC')).not.toThrow();
  });
});

describe("the machine's zone", () => {
  test('is what Intl says, whatever TZ holds (read in a process of its own, from the build)', () => {
    const zoned = join(ROOT, 'dist/tokens/zoned.js');
    const script = `const { hostTimeZone } = await import(${JSON.stringify(zoned)}); console.log(JSON.stringify([hostTimeZone(), Intl.DateTimeFormat().resolvedOptions().timeZone]));`;
    for (const tz of [undefined, 'UTC', ':UTC', 'Etc/UTC', 'GMT', 'Europe/Paris', 'America/New_York', '', 'UTC0', 'utc']) {
      const env: Record<string, string> = { PATH: process.env.PATH ?? '' };
      if (tz !== undefined) env.TZ = tz;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' });
      const [ours, intl] = JSON.parse(r.stdout) as [string, string];
      expect(ours, `TZ=${tz}`).toBe(intl);
    }
  });
});
