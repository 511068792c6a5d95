/**
 * GET /v1/quota: every window of the account's subscription with its limit, used, held, remaining
 * and reset time, plus the packs. The same window figures travel on every chat answer as headers
 * (`x-quota-<window>-<unit>-{limit,used,remaining,reset}`), so a client learns them at no extra request.
 */
import type { Quota, WindowQuota } from '../../shared/quota.js';
import type { App, AppDeps } from '../app.js';
import type { Sql } from '../store/sql.js';
import { availability } from '../store/holds.js';
import { activeSubscription, latestSubscription, renewDue, toWireSubscription } from '../store/subscriptions.js';
import { windowStates } from '../store/windows.js';

/** The active subscription's windows; none without one. Read-only: admission has renewed what was due. */
export async function windowsOf(db: Sql, accountId: string, now: Date): Promise<WindowQuota[]> {
  const sub = await activeSubscription(db, accountId, now);
  return sub ? windowStates(db, sub, now) : [];
}

async function quotaOf(db: Sql, accountId: string, now: Date): Promise<Quota> {
  await renewDue(db, accountId, now);
  const sub = await latestSubscription(db, accountId, now);
  const a = await availability(db, accountId, now);
  return {
    object: 'quota',
    as_of: now.toISOString(),
    subscription: sub ? toWireSubscription(sub) : null,
    windows: await windowsOf(db, accountId, now),
    packs: { tokens_remaining: a.remaining, tokens_held: a.held, tokens_owed: a.owed },
  };
}

/** The window figures as response headers: names lower-case, the window's underscore a dash. */
export function quotaHeaders(windows: WindowQuota[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const w of windows) {
    const prefix = `x-quota-${w.window.replace('_', '-')}-${w.unit}`;
    headers[`${prefix}-limit`] = String(w.limit);
    headers[`${prefix}-used`] = String(w.used);
    headers[`${prefix}-remaining`] = String(w.remaining);
    if (w.resets_at) headers[`${prefix}-reset`] = w.resets_at;
  }
  return headers;
}

export function registerQuotaRoutes(app: App, deps: AppDeps): void {
  app.get('/v1/quota', async (c) => c.json(await quotaOf(deps.db, c.get('account').id, deps.now())));
}
