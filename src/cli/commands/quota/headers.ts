/**
 * The quota windows a Token Plan chat answer carries in its headers
 * (`x-quota-<window>-<unit>-{limit,used,remaining,reset}`, as they stood once the request's hold was
 * taken), folded into the last snapshot after the run: `run` keeps `quota --line` current at no
 * extra request.
 */
import type { HeaderBag } from '../../../client/wire-response.js';
import type { ProviderQuota } from '../../../client/providers/types.js';
import type { Quota, Subscription, WindowQuota } from '../../../shared/quota.js';
import { ROLLING_MS, WINDOWS, weekBounds, cycleBounds } from '../../../tokens/windows.js';

const UNITS = ['requests', 'tokens'] as const;

/** A snapshot as the ledger keeps it: what GET /v1/quota said, or what the headers did (no packs then, until `quota` asks). */
export interface StoredQuota {
  object: 'quota';
  as_of: string;
  subscription: Subscription | null;
  windows: WindowQuota[];
  packs: Quota['packs'] | null;
}

/** A coding-plan provider's quota as a snapshot: no subscription or packs of ours, its provider and plan beside the windows. */
export const asStored = (q: ProviderQuota, now: Date): StoredQuota & Omit<ProviderQuota, 'windows'> => ({ object: 'quota', as_of: now.toISOString(), subscription: null, packs: null, ...q });

/** A window as the headers give it: no start. */
export type HeaderWindow = Pick<WindowQuota, 'unit' | 'window' | 'limit' | 'used' | 'held' | 'remaining' | 'resets_at'>;

const count = (v: string | null) => (v !== null && /^\d+$/.test(v) ? Number(v) : undefined);

/** The windows in the headers, with `used` as settled before this request; none when the server sent none. */
export function windowsInHeaders(h: HeaderBag): HeaderWindow[] {
  const found: HeaderWindow[] = [];
  for (const window of WINDOWS) {
    for (const unit of UNITS) {
      const prefix = `x-quota-${window.replace('_', '-')}-${unit}`;
      const limit = count(h.get(`${prefix}-limit`));
      const used = count(h.get(`${prefix}-used`));
      const remaining = count(h.get(`${prefix}-remaining`));
      if (limit === undefined || used === undefined || remaining === undefined) continue;
      const reset = h.get(`${prefix}-reset`);
      found.push({ unit, window, limit, used, held: 0, remaining, resets_at: reset !== null && !Number.isNaN(Date.parse(reset)) ? new Date(reset).toISOString() : null });
    }
  }
  return found;
}

/**
 * The snapshot after a run whose answer carried these windows: the run itself added to each (one
 * request; its plan tokens), other requests' holds left out (they are counted when they settle),
 * the subscription and packs kept from the last snapshot. Where a window starts needs the
 * subscription's zone and day; without an earlier snapshot the calendar windows start unknown
 * (reported as their reset, which only the pace uses).
 */
export function snapshotAfterRun(previous: StoredQuota | undefined, windows: HeaderWindow[], run: { billed: number }, now: Date): StoredQuota {
  const sub = previous?.subscription ?? null;
  const t = now.getTime();
  const startOf = (w: HeaderWindow): number => {
    if (w.window === 'rolling_5h') return t - ROLLING_MS;
    if (!sub) return w.resets_at ? Date.parse(w.resets_at) : t;
    return w.window === 'week' ? weekBounds(t, sub.time_zone).start : cycleBounds(Date.parse(sub.started_at), t, sub.time_zone).start;
  };
  return {
    object: 'quota',
    as_of: now.toISOString(),
    subscription: sub,
    packs: previous?.packs ?? null,
    windows: windows.map((w) => {
      const used = w.used + (w.unit === 'requests' ? 1 : run.billed);
      // A rolling window with nothing counted before this run empties 5 h after it.
      const resets = w.resets_at ?? (w.window === 'rolling_5h' ? new Date(t + ROLLING_MS).toISOString() : null);
      return { ...w, used, held: 0, remaining: Math.max(0, w.limit - used), starts_at: new Date(startOf(w)).toISOString(), resets_at: resets };
    }),
  };
}
