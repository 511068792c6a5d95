/**
 * Time-of-day multipliers ("3× in the 14:00–18:00 peak, Beijing time"): which multiplier is in force
 * at an instant and when it next changes. Pure, and shared, so that the server bills and the CLI
 * prices a dry run at the same multiplier. Multipliers are in thousandths, never floats.
 */
import type { BillingRates } from '../shared/wire.js';
import { instantOf, localTime } from './zoned.js';

export interface PeakRule {
  /** Local minutes after midnight: the rule holds from `from` (inclusive) to `to` (exclusive). */
  from_minute: number;
  to_minute: number;
  /** 0 = Monday … 6 = Sunday; every day when absent. */
  weekdays?: number[];
  /** A promotion or a new price list: the rule holds only from (inclusive) / until (exclusive) these instants (ISO 8601). */
  effective_from?: string;
  effective_until?: string;
  multiplier_milli: number;
}

export interface MultiplierSchedule {
  time_zone: string;
  /** In force outside every rule. */
  base_milli: number;
  /** The first rule that holds wins. */
  rules: PeakRule[];
}

export interface MultiplierNow {
  multiplier_milli: number;
  /** When another multiplier takes over; null when the schedule never changes. */
  changes_at: number | null;
}

/** The multiplier in force at t. */
export function multiplierMilliAt(s: MultiplierSchedule, t: number): number {
  const l = localTime(t, s.time_zone);
  const minute = l.hour * 60 + l.minute;
  const rule = s.rules.find(
    (r) =>
      minute >= r.from_minute &&
      minute < r.to_minute &&
      (r.weekdays ?? [l.weekday]).includes(l.weekday) &&
      (r.effective_from === undefined || t >= Date.parse(r.effective_from)) &&
      (r.effective_until === undefined || t < Date.parse(r.effective_until)),
  );
  return rule?.multiplier_milli ?? s.base_milli;
}

/** The multiplier at t and when it next changes: within the next eight days (a weekly schedule repeats within that), else at the next effective date. */
export function multiplierAt(s: MultiplierSchedule, t: number): MultiplierNow {
  const current = multiplierMilliAt(s, t);
  const today = localTime(t, s.time_zone);
  // The schedule can only change at a rule's edge (a time of day, or the start or end of its
  // effective dates): try the edges day by day, in order, stopping at the first that changes it.
  const dated = s.rules.flatMap((r) => [r.effective_from, r.effective_until]).filter((e) => e !== undefined).map((e) => Date.parse(e));
  for (let d = 0; d <= 8; d++) {
    const dayEnd = instantOf(today.year, today.month, today.day + d + 1, 0, 0, 0, 0, s.time_zone);
    const edges = s.rules.flatMap((r) => [r.from_minute, r.to_minute].map((m) => instantOf(today.year, today.month, today.day + d, 0, m, 0, 0, s.time_zone)));
    const inDay = [...edges, ...dated.filter((e) => e < dayEnd)].filter((e) => e > t).sort((a, b) => a - b);
    const next = inDay.find((e) => multiplierMilliAt(s, e) !== current);
    if (next !== undefined) return { multiplier_milli: current, changes_at: next };
  }
  // A week with no change repeats until some rule starts or stops being effective: go there.
  const later = dated.filter((e) => e > t).sort((a, b) => a - b)[0];
  if (later === undefined) return { multiplier_milli: current, changes_at: null };
  return { multiplier_milli: current, changes_at: multiplierMilliAt(s, later) !== current ? later : multiplierAt(s, later).changes_at };
}

/** A model's rates with a time-of-day multiplier applied, rounded up to whole thousandths. */
export function scaledRates(rates: BillingRates, multiplierMilli: number): BillingRates {
  return {
    input_multiplier_milli: Math.ceil((rates.input_multiplier_milli * multiplierMilli) / 1000),
    output_multiplier_milli: Math.ceil((rates.output_multiplier_milli * multiplierMilli) / 1000),
  };
}

/** A model's time-of-day multiplier as `GET /v1/models` publishes it: the one in force when answered, and the schedule behind it. */
export interface PublishedMultiplier {
  multiplier_milli: number;
  changes_at: string | null;
  time_zone: string;
  /** Absent from servers that publish only the multiplier in force. */
  schedule?: MultiplierSchedule;
}

const isInt = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isRule = (r: unknown): r is PeakRule => {
  const x = r as PeakRule;
  return typeof r === 'object' && r !== null && isInt(x.from_minute) && isInt(x.to_minute) && isInt(x.multiplier_milli) && (x.weekdays === undefined || (Array.isArray(x.weekdays) && x.weekdays.every(isInt)));
};
const isSchedule = (s: unknown): s is MultiplierSchedule => {
  const x = s as MultiplierSchedule;
  return typeof s === 'object' && s !== null && typeof x.time_zone === 'string' && isInt(x.base_milli) && Array.isArray(x.rules) && x.rules.every(isRule);
};

/**
 * The multiplier a model description carries, checked by hand: a run reads it from the provider
 * cache and must not pay for loading a schema library. Anything malformed counts as absent.
 */
export function publishedMultiplier(model: unknown): PublishedMultiplier | undefined {
  const m = (model as { multiplier?: unknown } | undefined)?.multiplier as Partial<PublishedMultiplier> | undefined;
  if (typeof m !== 'object' || m === null || !isInt(m.multiplier_milli) || typeof m.time_zone !== 'string') return undefined;
  if (m.changes_at !== null && (typeof m.changes_at !== 'string' || Number.isNaN(Date.parse(m.changes_at)))) return undefined;
  return { multiplier_milli: m.multiplier_milli, changes_at: m.changes_at, time_zone: m.time_zone, ...(isSchedule(m.schedule) ? { schedule: m.schedule } : {}) };
}

/**
 * The multiplier in force at t for a published model: from its schedule when there is one (a
 * cached model list stays right across the peak boundary); else the one reported, while it holds.
 * `stale` says that the report has expired and the figure is the last one known.
 */
export function modelMultiplierAt(p: PublishedMultiplier, t: number): MultiplierNow & { stale: boolean } {
  if (p.schedule) return { ...multiplierAt(p.schedule, t), stale: false };
  const changes = p.changes_at === null ? null : Date.parse(p.changes_at);
  return { multiplier_milli: p.multiplier_milli, changes_at: changes, stale: changes !== null && t >= changes };
}

/**
 * What is wrong with a schedule given in a configuration file, or undefined when nothing is: the
 * server bills by it, so a mistyped zone or a rule out of the day is refused at start.
 */
export function scheduleProblem(s: unknown): string | undefined {
  if (!isSchedule(s)) return 'a schedule is {"time_zone", "base_milli", "rules": [{"from_minute", "to_minute", "multiplier_milli", "weekdays"?, "effective_from"?, "effective_until"?}]} with whole numbers';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: s.time_zone });
  } catch {
    return `unknown time zone "${s.time_zone}"`;
  }
  for (const [i, r] of s.rules.entries()) {
    if (r.to_minute > 1440 || r.from_minute >= r.to_minute) return `rule ${i + 1}: from_minute must be before to_minute, within 0–1440`;
    if (r.weekdays?.some((d) => d > 6)) return `rule ${i + 1}: weekdays are 0 (Monday) to 6 (Sunday)`;
    for (const key of ['effective_from', 'effective_until'] as const) {
      const v = r[key];
      if (v !== undefined && (typeof v !== 'string' || Number.isNaN(Date.parse(v)))) return `rule ${i + 1}: ${key} must be an ISO 8601 instant`;
    }
  }
  return undefined;
}
