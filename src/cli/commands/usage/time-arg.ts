/** The time arguments of `usage` (--since, --until): relative, a calendar date, or an ISO time. */
import { startOfDay } from '../../../ledger/periods.js';
import { UsageError } from '../../errors.js';

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** Whether y-m-d is a day of the calendar: 2026-13-45 would roll over into 2027 instead. */
function exists(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** "7d", "24h", "2w", "30m" before now; "2026-11-01" as local midnight; or a full ISO time. */
export function parseTimeArg(text: string, now: Date, timeZone: string, flag: string): Date {
  const relative = /^(\d+)([mhdw])$/.exec(text);
  if (relative) return new Date(now.getTime() - Number(relative[1]) * UNITS[relative[2]!]!);
  const date = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(text);
  if (date) {
    const [y, m, d] = [Number(date[1]), Number(date[2]), Number(date[3])];
    if (!exists(y, m, d)) throw new UsageError(`${flag} ${text.slice(0, 10)} is not a date that exists`);
    if (!date[4]) return startOfDay(y, m, d, timeZone);
    const t = new Date(text);
    if (!Number.isNaN(t.getTime())) return t;
  }
  throw new UsageError(`${flag} must look like 7d, 24h, 2026-11-01 or an ISO time, not "${text}"`);
}
