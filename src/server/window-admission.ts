/**
 * Whether a request fits under every window of a subscription, and the 429 that names the window
 * when it does not. Distinct from the per-key rate limit's 429 (`rate_limit_exceeded`): this one is
 * `insufficient_quota` with a code per window, its `resets_at`, and a Retry-After until then.
 */
import type { WindowQuota } from '../shared/quota.js';
import type { BillingRates } from '../shared/wire.js';
import { affordableCompletionTokens, billedTokens } from '../tokens/billing.js';
import { ApiProblem } from './errors.js';

const roomFor = (windows: WindowQuota[], unit: WindowQuota['unit']) => Math.min(Infinity, ...windows.filter((w) => w.unit === unit).map((w) => w.remaining));

/**
 * The completion tokens a hold on the windows may cover, or undefined when the request does not fit
 * (one request must be left in every request window, its whole hold in every token window). With no
 * max_tokens the default shrinks to what the tightest token window leaves, as it does for the packs.
 */
export function fitIn(promptTokens: number, requestedMax: number | undefined, wanted: number, windows: WindowQuota[], rates: BillingRates): number | undefined {
  if (roomFor(windows, 'requests') < 1) return undefined;
  const tokens = roomFor(windows, 'tokens');
  const maxTokens = requestedMax ?? (tokens === Infinity ? wanted : Math.min(wanted, affordableCompletionTokens(promptTokens, tokens, rates)));
  if (maxTokens < 1 || billedTokens(promptTokens, maxTokens, rates) > tokens) return undefined;
  return maxTokens;
}

/** The 429 for a request no window would admit, naming the exhausted window that resets last. */
export function windowProblem(windows: WindowQuota[], now: Date): ApiProblem {
  const full = windows.filter((w) => w.remaining === 0);
  // Nothing is at zero: the request alone is larger than what some token window leaves.
  const candidates = full.length > 0 ? full : windows;
  const blocking = candidates.reduce((a, b) => ((b.resets_at ?? '') > (a.resets_at ?? '') ? b : a));
  // A window filled only by running requests frees when they settle: soon, but at no known time.
  const retryAfter = blocking.resets_at ? Math.max(1, Math.ceil((Date.parse(blocking.resets_at) - now.getTime()) / 1000)) : 1;
  const what = `${blocking.limit.toLocaleString('en-US')} ${blocking.unit}`;
  const when = blocking.resets_at ? `it resets at ${blocking.resets_at}` : 'it frees as running requests finish';
  return new ApiProblem(
    429,
    'insufficient_quota',
    `the subscription's ${blocking.window} window (${what}) has ${blocking.remaining.toLocaleString('en-US')} left, not enough for this request: ${when}, or buy a pack`,
    `quota_exhausted_${blocking.window}`,
    null,
    { 'retry-after': String(retryAfter) },
    { window: blocking.window, unit: blocking.unit, resets_at: blocking.resets_at },
  );
}
