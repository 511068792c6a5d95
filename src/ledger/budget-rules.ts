/**
 * Budget evaluation as pure functions over ledger totals: no I/O, integers only, the same
 * comparison everywhere (a threshold is crossed when used × 100 ≥ threshold × limit).
 */
import type { Money } from '../tokens/money.js';
import { projectionStartsAt } from '../tokens/projection.js';
import type { Bounds, Period } from './periods.js';

export interface Budget {
  id: number;
  profile: string;
  period: Period;
  /** The limit in plan tokens (a money budget is converted at the plan's price when set). */
  limit_tokens: number;
  /** The money limit as the user gave it, when it was a money budget. */
  limit_money: Money | null;
  /** Warning thresholds in percent, ascending. */
  warn: number[];
  hard: boolean;
  alert_command: string | null;
}

export interface BudgetState {
  budget: Budget;
  bounds: Bounds;
  used: number;
  /** Whole percent used, rounded down. */
  percent: number;
  /** Thresholds reached in this period. */
  crossed: number[];
  remaining: number;
  /** When the limit will be reached at the burn rate so far in this period; null when it will not. */
  projected_exhaustion: Date | null;
}

export function crossedThresholds(used: number, limit: number, warn: readonly number[]): number[] {
  return warn.filter((t) => used * 100 >= t * limit);
}

export function evaluate(budget: Budget, bounds: Bounds, used: number, now: Date): BudgetState {
  const limit = budget.limit_tokens;
  return {
    budget,
    bounds,
    used,
    percent: limit > 0 ? Math.floor((used * 100) / limit) : 100,
    crossed: crossedThresholds(used, limit, budget.warn),
    remaining: Math.max(0, limit - used),
    projected_exhaustion: projectExhaustion(bounds.start, now, used, limit, bounds.end),
  };
}

/**
 * Linear burn rate since the period began: limit reached at start + elapsed × limit / used.
 * Null when nothing was used yet, too early in the period (tokens/projection.ts), or when the limit
 * would not be reached before the period ends.
 */
export function projectExhaustion(start: Date, now: Date, used: number, limit: number, end: Date): Date | null {
  if (used <= 0) return null;
  if (used >= limit) return now;
  // Too early in the period a few runs extrapolate to nonsense: the same rule as quota's windows.
  if (now.getTime() < projectionStartsAt(start.getTime(), end.getTime() - start.getTime())) return null;
  const elapsed = now.getTime() - start.getTime();
  const at = start.getTime() + Math.ceil((elapsed * limit) / used);
  return at < end.getTime() ? new Date(at) : null;
}

/** Whether a run estimated at `estimate` plan tokens would take a hard budget past its limit. */
export function wouldExceed(state: BudgetState, estimate: number): boolean {
  return state.budget.hard && state.used + estimate > state.budget.limit_tokens;
}

/** Parses "50,80,100" into ascending whole percents between 1 and 1000. */
export function parseThresholds(text: string): number[] | undefined {
  const values = text.split(',').map((s) => s.trim());
  if (values.some((v) => !/^\d+$/.test(v))) return undefined;
  const numbers = [...new Set(values.map(Number))].sort((a, b) => a - b);
  return numbers.every((n) => n >= 1 && n <= 1000) ? numbers : undefined;
}

/** A quota window measured against a window alert's thresholds: the provider's limit, the user's percents. */
export interface WindowAlertState {
  /** Whole percent of the window's limit used (held counted), rounded down, as `quota` shows it. */
  percent: number;
  used: number;
  limit: number;
  crossed: number[];
}

export function evaluateWindow(warn: readonly number[], w: { limit: number; used: number; held: number }): WindowAlertState {
  const used = w.used + w.held;
  return { percent: w.limit > 0 ? Math.floor((used * 100) / w.limit) : 100, used, limit: w.limit, crossed: w.limit > 0 ? crossedThresholds(used, w.limit, warn) : [...warn] };
}
