/**
 * The arithmetic behind `tokencli quota`: a countdown short enough for a status line, and a
 * window's burn rate with the moment it would run out at that pace. Pure, so it is tested alone.
 */
import type { WindowQuota } from '../../../shared/quota.js';
import { projectionStartsAt } from '../../../tokens/projection.js';

/** "45m", "3h12m", "4d02h": the two largest units, zero-padded after the first, for a status line. */
export function countdown(ms: number): string {
  const minutes = Math.max(0, Math.ceil(ms / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return `${d}d${String(h).padStart(2, '0')}h`;
  if (h > 0) return `${h}h${String(m).padStart(2, '0')}m`;
  return `${m}m`;
}

export interface Pace {
  /** Units used per hour since the window started; a rolling window has always been running 5 h. */
  per_hour: number;
  /** When the window would run out at that pace, if before it resets; otherwise null (and null while too early to say). */
  exhausted_at: string | null;
  /** While too little of the window has passed to project from, when a projection will start; null once it does. */
  projects_from: string | null;
}

/** Integer arithmetic in the units the window counts, rounded up: a burn rate is an estimate, never money. */
export function paceOf(w: WindowQuota, now: Date): Pace {
  const starts = Date.parse(w.starts_at);
  const elapsedMs = Math.max(60_000, now.getTime() - starts);
  const used = w.used + w.held;
  const perHour = Math.ceil((used * 3_600_000) / elapsedMs);
  const resets = w.resets_at === null ? Infinity : Date.parse(w.resets_at);
  // A window with no reset yet (nothing counted) has no known length: the hour alone applies.
  const lengthMs = Number.isFinite(resets) ? resets - starts : 0;
  const projectsFrom = projectionStartsAt(starts, lengthMs);
  if (now.getTime() < projectsFrom) return { per_hour: perHour, exhausted_at: null, projects_from: new Date(projectsFrom).toISOString() };
  if (used === 0) return { per_hour: 0, exhausted_at: null, projects_from: null };
  const runsOut = now.getTime() + Math.ceil((w.remaining * elapsedMs) / used);
  return { per_hour: perHour, exhausted_at: runsOut < resets ? new Date(runsOut).toISOString() : null, projects_from: null };
}

/** Short names for a status line. */
export const SHORT_WINDOW: Record<WindowQuota['window'], string> = { rolling_5h: '5h', week: 'wk', cycle: 'mo' };

/** Each window in a sentence: "the rolling 5-hour window", "the weekly quota window". */
export const WINDOW_ADJECTIVE: Record<WindowQuota['window'], string> = { rolling_5h: 'rolling 5-hour', week: 'weekly', cycle: 'monthly' };

/** Used share of the limit in whole percent, rounded down so that 100% means really exhausted. */
export const usedPercent = (w: WindowQuota) => (w.limit === 0 ? 100 : Math.floor(((w.limit - w.remaining) * 100) / w.limit));
