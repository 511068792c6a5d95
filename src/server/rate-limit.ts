/**
 * A token bucket per API key. Rate-limit state is deliberately in memory: losing it on restart only
 * forgives a few requests, unlike balances, which live in the database. With several replicas each keeps its own (README, "Scaling out").
 */
export interface RateLimitOptions {
  /** Sustained requests per second. */
  perSecond: number;
  /** Requests allowed in a burst above the sustained rate. */
  burst: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly opts: RateLimitOptions,
    private readonly nowMs: () => number,
  ) {}

  /** Takes one request from the key's bucket: 0 when allowed, else the seconds to wait. */
  take(key: string): number {
    const b = this.refilled(key);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return this.secondsUntilOne(b.tokens);
  }

  /** What take() would answer, without taking: for limits charged only on failure (wrong codes). */
  wait(key: string): number {
    const b = this.refilled(key);
    return b.tokens >= 1 ? 0 : this.secondsUntilOne(b.tokens);
  }

  private refilled(key: string): { tokens: number; at: number } {
    const now = this.nowMs();
    const b = this.buckets.get(key) ?? { tokens: this.opts.burst, at: now };
    b.tokens = Math.min(this.opts.burst, b.tokens + ((now - b.at) / 1000) * this.opts.perSecond);
    b.at = now;
    this.buckets.set(key, b);
    return b;
  }

  private secondsUntilOne(tokens: number): number {
    return Math.max(1, Math.ceil((1 - tokens) / this.opts.perSecond));
  }
}
