/**
 * How much of a window or budget period must have passed before its pace is projected to
 * exhaustion: an hour, and 2% of its length (about 14 h of a 30-day month, 3 h 22 min of a week,
 * an hour of a day). Earlier, a handful of requests over a few minutes extrapolates to nonsense
 * ("runs out in 26d12h" moments after subscribing to a monthly plan), so the pace goes alone. The
 * hour covers short periods, where 2% would be minutes; 2% covers long ones, where an hour is not
 * yet a pattern. `quota` and `budget status` both follow it.
 */
export const MIN_PROJECTION_MS = 3_600_000;
export const MIN_PROJECTION_SHARE = 0.02;

/** The instant (ms) from which a period starting at `startMs` and `lengthMs` long (0 if unknown) is projected. */
export function projectionStartsAt(startMs: number, lengthMs: number): number {
  return startMs + Math.max(MIN_PROJECTION_MS, Math.ceil(lengthMs * MIN_PROJECTION_SHARE));
}
