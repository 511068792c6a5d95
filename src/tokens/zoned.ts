/**
 * Wall-clock arithmetic in an IANA time zone without a date library: a plan's week starts on Monday
 * 00:00 in its zone and its cycle on the subscription day, so the server and the CLI must turn local
 * times into instants the same way. Built on Intl only, which Node ships with full zone data.
 *
 * UTC needs no zone data, and the first Intl date format costs a process about 10 ms (ICU loads its
 * zone and calendar data), which a short command on a UTC machine should not pay: UTC by any of its
 * names is computed with Date's UTC methods, and the machine's zone is read without Intl when it is
 * UTC (TZ, or /etc/localtime, as ICU itself reads them).
 */
import { readlinkSync } from 'node:fs';

export interface LocalTime {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** 0 = Monday … 6 = Sunday (ISO order, so "days since Monday" is the number itself). */
  weekday: number;
}

/** Every name ICU gives as "UTC" (test/tokens/zoned.test.ts holds Intl to it). */
const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/UCT', 'UCT', 'Etc/Universal', 'Universal', 'Etc/Zulu', 'Zulu', 'GMT', 'Etc/GMT', 'Greenwich', 'Etc/Greenwich', 'GMT0', 'Etc/GMT0', 'Etc/GMT+0', 'Etc/GMT-0', 'GMT+0', 'GMT-0']);

/**
 * The machine's time zone, as Intl names it: ICU takes TZ (a leading ":" allowed) when set, else
 * the zone /etc/localtime links to. When either says UTC the answer needs no ICU.
 */
export function hostTimeZone(): string {
  const tz = process.env.TZ;
  const named = tz !== undefined ? tz.replace(/^:/, '') : localtimeLink();
  if (named !== undefined && UTC_NAMES.has(named)) return 'UTC';
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function localtimeLink(): string | undefined {
  try {
    return /\/zoneinfo\/(.+)$/.exec(readlinkSync('/etc/localtime'))?.[1];
  } catch {
    return undefined;
  }
}

const formats = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const DAY_MS = 86_400_000;

function formatFor(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(zone, f);
  }
  return f;
}

/** Throws a RangeError for a zone name Intl does not know, so bad configuration fails at start. */
export function checkZone(zone: string): void {
  if (!UTC_NAMES.has(zone)) formatFor(zone);
}

export function localTime(t: number, zone: string): LocalTime {
  if (UTC_NAMES.has(zone)) return utcTime(t);
  const p: Record<string, string> = {};
  for (const { type, value } of formatFor(zone).formatToParts(new Date(t))) p[type] = value;
  return {
    year: Number(p.year),
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
    ms: ((t % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(p.weekday!),
  };
}

function utcTime(t: number): LocalTime {
  const d = new Date(t);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    ms: ((t % 1000) + 1000) % 1000,
    weekday: (d.getUTCDay() + 6) % 7,
  };
}

/** The zone's offset from UTC at instant t, in ms. */
function offsetAt(t: number, zone: string): number {
  const l = localTime(t, zone);
  return Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second, l.ms) - t;
}

/**
 * The instant of a local wall-clock time. Month and day may overflow (month 13 is next January),
 * as with Date.UTC. Disambiguation is Temporal's "compatible": a time that occurs twice (clocks
 * going back) is its earlier occurrence; a time skipped by clocks going forward is shifted later by
 * the length of the gap, so a week whose Monday 00:00 does not exist starts when the clocks jump.
 */
export function instantOf(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0, zone: string): number {
  const naive = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Zone transitions are months apart, so the offsets a day either side are the only candidates.
  const before = naive - offsetAt(naive - DAY_MS, zone);
  const after = naive - offsetAt(naive + DAY_MS, zone);
  const valid = [before, after].filter((c) => c + offsetAt(c, zone) === naive);
  return valid.length > 0 ? Math.min(...valid) : Math.max(before, after);
}

export const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
