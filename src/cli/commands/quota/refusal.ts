/**
 * A request refused by a subscription window (429 `insufficient_quota`, code
 * `quota_exhausted_<window>`): the hint names when that window gives capacity back, on this
 * machine's clock, from the answer's Retry-After.
 */
import type { ApiError } from '../../../client/errors.js';
import { countdown, WINDOW_ADJECTIVE } from './pace.js';

/** The hint for a window's refusal, or undefined when the error is not one. */
export function windowRefusalHint(e: ApiError, now: Date, zone?: string): string | undefined {
  const window = /^quota_exhausted_(rolling_5h|week|cycle)$/.exec(e.code ?? '')?.[1] as keyof typeof WINDOW_ADJECTIVE | undefined;
  if (!window) return undefined;
  const then = e.retryAfterMs === undefined ? undefined : new Date(now.getTime() + e.retryAfterMs);
  // Past a day away the weekday and date matter too.
  const far = then !== undefined && then.getTime() - now.getTime() > 86_400_000;
  const clock = then?.toLocaleString('en-GB', { ...(zone ? { timeZone: zone } : {}), hour: '2-digit', minute: '2-digit', ...(far ? { weekday: 'short', day: 'numeric', month: 'short' } : {}) });
  const when = then ? `resets at ${clock} (in ${countdown(then.getTime() - now.getTime())})` : 'frees as running requests finish';
  return `the ${WINDOW_ADJECTIVE[window]} window ${when}; \`tokencli quota\` shows every window, \`tokencli plans\` the packs that pay beyond it`;
}
