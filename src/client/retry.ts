/** Retry policy as pure functions, so it is tested without waiting (after openai-node). */
import type { HeaderBag } from './wire-response.js';

export const DEFAULT_MAX_RETRIES = 2;

export function isRetryableStatus(status: number, headers: HeaderBag): boolean {
  const hint = headers.get('x-should-retry');
  if (hint === 'true' || hint === 'false') return hint === 'true';
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * Delay before retry number `attempt` (0-based): the server's hint when it is sane (0–60 s),
 * otherwise exponential backoff from 500 ms capped at 8 s, with up to 25 % jitter taken off.
 */
export function retryDelayMs(attempt: number, hintedMs: number | undefined, random: () => number = Math.random): number {
  if (hintedMs !== undefined && Number.isFinite(hintedMs) && hintedMs >= 0 && hintedMs <= 60_000) return hintedMs;
  return Math.min(500 * 2 ** attempt, 8_000) * (1 - random() * 0.25);
}
