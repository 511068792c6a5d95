/**
 * Budget periods in a time zone: a day, an ISO week (Monday to Monday) or a calendar month, as the
 * UTC instants where they start and end. Pure and integer; DST days are 23 or 25 hours long. The
 * wall-clock arithmetic is the one the server's quota windows use (tokens/zoned.ts).
 */
import { checkZone, hostTimeZone, instantOf, localTime } from '../tokens/zoned.js';

export type Period = 'day' | 'week' | 'month';
export const PERIODS: readonly Period[] = ['day', 'week', 'month'];
export const ADJECTIVE: Record<Period, string> = { day: 'daily', week: 'weekly', month: 'monthly' };

export interface Bounds {
  start: Date;
  end: Date;
}

/** The instant at which the wall clock in `timeZone` reads midnight starting y-m-d (calendar-normalised). */
export function startOfDay(year: number, month: number, day: number, timeZone: string): Date {
  // Where midnight does not exist (a DST jump at 00:00), the day starts at the first instant after it.
  return new Date(instantOf(year, month, day, 0, 0, 0, 0, timeZone));
}

export function periodBounds(period: Period, now: Date, timeZone: string): Bounds {
  const w = localTime(now.getTime(), timeZone);
  switch (period) {
    case 'day':
      return { start: startOfDay(w.year, w.month, w.day, timeZone), end: startOfDay(w.year, w.month, w.day + 1, timeZone) };
    case 'week': {
      const monday = w.day - w.weekday;
      return { start: startOfDay(w.year, w.month, monday, timeZone), end: startOfDay(w.year, w.month, monday + 7, timeZone) };
    }
    case 'month':
      return { start: startOfDay(w.year, w.month, 1, timeZone), end: startOfDay(w.year, w.month + 1, 1, timeZone) };
  }
}

/** The machine's own time zone, the default for budgets. */
export const localTimeZone = () => hostTimeZone();

export function isTimeZone(tz: string): boolean {
  try {
    checkZone(tz);
    return true;
  } catch {
    return false;
  }
}
