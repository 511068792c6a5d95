/**
 * The quota windows of a subscription as pure functions of the clock: where each window starts and
 * when it resets. Shared by the server (admission counts usage since a window's start) and the CLI
 * (countdowns, burn rate), so that both put every boundary in the same place.
 */
import { daysInMonth, instantOf, localTime } from './zoned.js';

export const WINDOWS = ['rolling_5h', 'week', 'cycle'] as const;
export type WindowName = (typeof WINDOWS)[number];

export const ROLLING_MS = 5 * 3_600_000;

export interface Bounds {
  start: number;
  /** When the window next resets: the first instant not in it. */
  end: number;
}

/** The calendar week holding t: Monday 00:00 to the next Monday 00:00, in the plan's zone. */
export function weekBounds(t: number, zone: string): Bounds {
  const l = localTime(t, zone);
  const monday = l.day - l.weekday;
  return { start: instantOf(l.year, l.month, monday, 0, 0, 0, 0, zone), end: instantOf(l.year, l.month, monday + 7, 0, 0, 0, 0, zone) };
}

/**
 * The k-th monthly period from the anchor (the subscription's start): the same local day and time
 * k months on, or the month's last day when it is shorter. Each period is counted from the anchor,
 * never from the previous period, so a subscription taken on the 31st returns to the 31st after
 * February.
 */
export function periodStart(anchor: number, k: number, zone: string): number {
  const a = localTime(anchor, zone);
  const month = a.month - 1 + k;
  const year = a.year + Math.floor(month / 12);
  const m = (((month % 12) + 12) % 12) + 1;
  return instantOf(year, m, Math.min(a.day, daysInMonth(year, m)), a.hour, a.minute, a.second, a.ms, zone);
}

/** The monthly period (cycle) holding t, for a subscription that started at the anchor; t ≥ anchor. */
export function cycleBounds(anchor: number, t: number, zone: string): Bounds & { index: number } {
  const a = localTime(anchor, zone);
  const l = localTime(t, zone);
  // The month difference of the local dates is right or one too many (t before the day in its month).
  let k = Math.max(0, (l.year - a.year) * 12 + (l.month - a.month));
  while (k > 0 && periodStart(anchor, k, zone) > t) k--;
  while (periodStart(anchor, k + 1, zone) <= t) k++;
  return { start: periodStart(anchor, k, zone), end: periodStart(anchor, k + 1, zone), index: k };
}

/**
 * Where each window holding t starts, and when it resets. For the rolling window, `end` is when
 * usage made at t leaves it; when capacity actually comes back depends on the oldest usage counted,
 * which only the store knows.
 */
export function windowBounds(window: WindowName, t: number, anchor: number, zone: string): Bounds {
  switch (window) {
    case 'rolling_5h':
      return { start: t - ROLLING_MS, end: t + ROLLING_MS };
    case 'week':
      return weekBounds(t, zone);
    case 'cycle':
      return cycleBounds(anchor, t, zone);
  }
}
