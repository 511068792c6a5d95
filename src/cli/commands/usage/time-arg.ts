import { startOfDay } from '../../../ledger/periods.js';
import { UsageError } from '../../errors.js';

const UNITS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** "7d", "24h", "2w", "30m" before now; "2026-11-01" as local midnight; or a full ISO time. */
export function parseTimeArg(text: string, now: Date, timeZone: string, flag: string): Date {
  const relative = /^(\d+)([mhdw])$/.exec(text);
  if (relative) return new Date(now.getTime() - Number(relative[1]) * UNITS[relative[2]!]!);
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (date) return startOfDay(Number(date[1]), Number(date[2]), Number(date[3]), timeZone);
  const t = new Date(text);
  if (/^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(t.getTime())) return t;
  throw new UsageError(`${flag} must look like 7d, 24h, 2026-11-01 or an ISO time, not "${text}"`);
}
