/**
 * A subscription's windows as they stand: for each limit, what settled requests used since the
 * window started, what running requests hold, and what remains. Read inside admission's
 * transaction under the account's lock, so two racing requests (on any replicas) can never both take
 * the last of a window.
 */
import type { Limit, WindowQuota } from '../../shared/quota.js';
import { ROLLING_MS, windowBounds } from '../../tokens/windows.js';
import type { Sql } from './sql.js';
import type { ActiveSubscription } from './subscriptions.js';

const iso = (t: number) => new Date(t).toISOString();

/** Usage leaves a rolling window exactly 5 h after it happened; calendar windows include their first instant. */
const SINCE = { rolling_5h: '>', week: '>=', cycle: '>=' } as const;

export async function windowStates(db: Sql, sub: ActiveSubscription, now: Date): Promise<WindowQuota[]> {
  const t = now.getTime();
  const held = (await db.get<Record<Limit['unit'], number>>(
    `SELECT COALESCE(SUM(tokens), 0) AS tokens, COUNT(*) AS requests FROM holds WHERE subscription_id = ? AND status = 'active' AND expires_at > ?`,
    [sub.id, now.toISOString()],
  ))!;
  const states: WindowQuota[] = [];
  for (const l of sub.limits) {
    const bounds = windowBounds(l.window, t, Date.parse(sub.started_at), sub.time_zone);
    // The unit names a column of subscription_usage; both are a closed set, so the SQL texts are too.
    const row = (await db.get<{ used: number; oldest: string | null }>(
      `SELECT COALESCE(SUM(${l.unit}), 0) AS used, MIN(created_at) AS oldest FROM subscription_usage
       WHERE subscription_id = ? AND ${l.unit} > 0 AND created_at ${SINCE[l.window]} ?`,
      [sub.id, iso(bounds.start)],
    ))!;
    const resets = l.window === 'rolling_5h' ? (row.oldest === null ? null : iso(Date.parse(row.oldest) + ROLLING_MS)) : iso(bounds.end);
    states.push({
      unit: l.unit,
      window: l.window,
      limit: l.cap,
      used: row.used,
      held: held[l.unit],
      remaining: Math.max(0, l.cap - row.used - held[l.unit]),
      starts_at: iso(bounds.start),
      resets_at: resets,
    });
  }
  return states;
}

/** Counts a settled request against its subscription's windows; in the caller's transaction. */
export async function recordWindowUsage(tx: Sql, subscriptionId: string, requestId: string, tokens: number, requests: number, now: Date): Promise<void> {
  await tx.run('INSERT INTO subscription_usage (subscription_id, request_id, tokens, requests, created_at) VALUES (?, ?, ?, ?, ?)', [subscriptionId, requestId, tokens, requests, now.toISOString()]);
}
