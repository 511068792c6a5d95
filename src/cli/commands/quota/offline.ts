/**
 * `quota` without the server: the last snapshot plus what the local ledger recorded since, window by
 * window. Like the offline balance it may over-count for a while and never under-counts what this
 * machine spent: usage only leaves a window at a reset the snapshot or the subscription tells of.
 * Requests made elsewhere since the snapshot are not known here; the result is marked an estimate.
 */
import type { WindowQuota } from '../../../shared/quota.js';
import { ROLLING_MS, cycleBounds, weekBounds } from '../../../tokens/windows.js';
import type { StoredQuota } from './headers.js';

/** Local spend against the account from an instant on: what a window of each unit counts. */
export type SpendSince = (since: Date) => { requests: number; tokens: number };

export interface OfflineQuota extends StoredQuota {
  estimate: true;
  /** When the snapshot was taken: the estimate's age. */
  seen_at: string;
}

export function offlineQuota(snapshot: StoredQuota, seenAt: string, spendSince: SpendSince, now: Date): OfflineQuota {
  const t = now.getTime();
  const seen = Date.parse(seenAt);
  const sub = snapshot.subscription;
  // A subscription whose paid period has ended without renewal has no windows: the packs pay.
  const ended = sub !== null && !sub.auto_renew && Date.parse(sub.current_period_end) <= t;
  const windows = ended ? [] : snapshot.windows.map((w) => windowNow(w, seen, t, sub, spendSince));
  return {
    ...snapshot,
    ...(ended && sub ? { subscription: { ...sub, status: 'ended' as const } } : {}),
    windows,
    as_of: now.toISOString(),
    seen_at: seenAt,
    estimate: true,
  };
}

function windowNow(w: WindowQuota, seen: number, t: number, sub: StoredQuota['subscription'], spendSince: SpendSince): WindowQuota {
  // A window that reports only a share cannot take local runs: they are in requests and plan tokens.
  const spent = (since: number) => (w.unit === 'percent' ? 0 : spendSince(new Date(since))[w.unit]);
  const at = (start: number, resets: number | null, used: number): WindowQuota => ({
    ...w,
    used,
    held: 0,
    remaining: Math.max(0, w.limit - used),
    starts_at: new Date(start).toISOString(),
    resets_at: resets === null ? null : new Date(resets).toISOString(),
  });
  const resets = w.resets_at === null ? null : Date.parse(w.resets_at);

  if (w.window === 'rolling_5h') {
    // Until 5 h after the snapshot some of what it counted may still be in the window: keep all of it.
    if (t < seen + ROLLING_MS) return at(t - ROLLING_MS, resets !== null && resets > t ? resets : null, w.used + w.held + spent(seen));
    // Later, all of it has left; what is in the window is what this machine spent since.
    return at(t - ROLLING_MS, null, spent(t - ROLLING_MS));
  }
  if (resets === null || t < resets) return at(Date.parse(w.starts_at), resets, w.used + w.held + spent(seen));
  // The window has turned since the snapshot: only what was spent since it turned counts.
  if (!sub) return at(resets, null, spent(resets));
  const bounds = w.window === 'week' ? weekBounds(t, sub.time_zone) : cycleBounds(Date.parse(sub.started_at), t, sub.time_zone);
  return at(bounds.start, bounds.end, spent(bounds.start));
}
