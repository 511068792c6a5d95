/**
 * A subscription's windows as they stand: for each limit, what settled requests used since the
 * window started, what running requests hold, and what remains. Read inside admission's
 * `BEGIN IMMEDIATE` transaction, so two racing requests can never both take the last of a window.
 */
import type { Limit, WindowQuota } from '../../shared/quota.js';
import { prepared } from '../../sqlite/statements.js';
import { ROLLING_MS, windowBounds } from '../../tokens/windows.js';
import type { Db } from './db.js';
import type { ActiveSubscription } from './subscriptions.js';

const iso = (t: number) => new Date(t).toISOString();

/** Usage leaves a rolling window exactly 5 h after it happened; calendar windows include their first instant. */
const SINCE = { rolling_5h: '>', week: '>=', cycle: '>=' } as const;

export function windowStates(db: Db, sub: ActiveSubscription, now: Date): WindowQuota[] {
  const t = now.getTime();
  const held = prepared(db, `SELECT COALESCE(SUM(tokens), 0) AS tokens, COUNT(*) AS requests FROM holds WHERE subscription_id = ? AND status = 'active' AND expires_at > ?`).get(
    sub.id,
    now.toISOString(),
  ) as Record<Limit['unit'], number>;
  return sub.limits.map((l) => {
    const bounds = windowBounds(l.window, t, Date.parse(sub.started_at), sub.time_zone);
    // The unit names a column of subscription_usage; both are a closed set, so the SQL texts are too.
    const row = prepared(
      db,
      `SELECT COALESCE(SUM(${l.unit}), 0) AS used, MIN(created_at) AS oldest FROM subscription_usage
       WHERE subscription_id = ? AND ${l.unit} > 0 AND created_at ${SINCE[l.window]} ?`,
    ).get(sub.id, iso(bounds.start)) as { used: number; oldest: string | null };
    const resets = l.window === 'rolling_5h' ? (row.oldest === null ? null : iso(Date.parse(row.oldest) + ROLLING_MS)) : iso(bounds.end);
    return {
      unit: l.unit,
      window: l.window,
      limit: l.cap,
      used: row.used,
      held: held[l.unit],
      remaining: Math.max(0, l.cap - row.used - held[l.unit]),
      starts_at: iso(bounds.start),
      resets_at: resets,
    };
  });
}

/** Counts a settled request against its subscription's windows; in the caller's transaction. */
export function recordWindowUsage(db: Db, subscriptionId: string, requestId: string, tokens: number, requests: number, now: Date): void {
  prepared(db, 'INSERT INTO subscription_usage (subscription_id, request_id, tokens, requests, created_at) VALUES (?, ?, ?, ?, ?)').run(subscriptionId, requestId, tokens, requests, now.toISOString());
}
