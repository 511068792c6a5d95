/**
 * Budget periods in a time zone: a day, an ISO week (Monday to Monday) or a calendar month, as the
 * UTC instants where they start and end. Pure and integer; DST days are 23 or 25 hours long.
 */
export type Period = 'day' | 'week' | 'month';
export const PERIODS: readonly Period[] = ['day', 'week', 'month'];
export const ADJECTIVE: Record<Period, string> = { day: 'daily', week: 'weekly', month: 'monthly' };

export interface Bounds {
  start: Date;
  end: Date;
}

interface Wall {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 1 = Monday … 7 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading of an instant in a time zone. */
export function wallClock(t: Date, timeZone: string): Wall {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(t).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday!]!,
  };
}

/** The instant at which the wall clock in `timeZone` reads midnight starting y-m-d (calendar-normalised). */
export function startOfDay(year: number, month: number, day: number, timeZone: string): Date {
  const target = Date.UTC(year, month - 1, day);
  // Guess with the offset at the guess, then correct once more: enough across any DST change.
  let t = target;
  for (let i = 0; i < 3; i++) {
    const w = wallClock(new Date(t), timeZone);
    const shown = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
    t += target - shown;
  }
  // Where midnight does not exist (a DST jump at 00:00), the day starts at the first instant after it.
  return new Date(t);
}

export function periodBounds(period: Period, now: Date, timeZone: string): Bounds {
  const w = wallClock(now, timeZone);
  switch (period) {
    case 'day':
      return { start: startOfDay(w.year, w.month, w.day, timeZone), end: startOfDay(w.year, w.month, w.day + 1, timeZone) };
    case 'week': {
      const monday = w.day - (w.weekday - 1);
      return { start: startOfDay(w.year, w.month, monday, timeZone), end: startOfDay(w.year, w.month, monday + 7, timeZone) };
    }
    case 'month':
      return { start: startOfDay(w.year, w.month, 1, timeZone), end: startOfDay(w.year, w.month + 1, 1, timeZone) };
  }
}

/** The machine's own time zone, the default for budgets. */
export const localTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
