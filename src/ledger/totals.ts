/**
 * Sums over a time range that cost the same with a million runs as with a thousand. The table
 * `run_totals` (migration m007) holds, per UTC day, hour and ten minutes, the sums of the runs that
 * started in it, kept by triggers in the same transaction as every write to `runs`, so it is derived
 * from the rows and cannot drift from them. A range [start, end) is cut into whole days in the
 * middle, whole hours and ten-minute buckets towards its ends, and raw rows only at its very edges.
 * (A ledger without the table is never read: open.ts asks for an upgrade first.)
 */
import type Database from 'better-sqlite3';
import { prepared } from '../sqlite/statements.js';

/** A piece of a range: raw rows, or one grain of run_totals, over [from, to) in ISO text. */
export interface Segment {
  grain: 'raw' | 't' | 'h' | 'd';
  from: string;
  to: string;
}

/** Grains from fine to coarse: their bucket size, and how many characters of an ISO time name a bucket. */
const GRAINS = [
  { grain: 't', ms: 600_000, chars: 15 },
  { grain: 'h', ms: 3_600_000, chars: 13 },
  { grain: 'd', ms: 86_400_000, chars: 10 },
] as const;

/** A bucket's key for a time: its ISO text cut to the grain (`2026-11-27T18:3` is 18:30–18:40). */
export const bucketOf = (t: number, chars: number) => new Date(t).toISOString().slice(0, chars);

/**
 * Cuts [start, end) into the fewest segments, each of one grain no coarser than `coarsest`, whose
 * union is exactly the range.
 */
export function segments(start: number, end: number, coarsest: 't' | 'h' | 'd' = 'd'): Segment[] {
  const out: Segment[] = [];
  const iso = (t: number) => new Date(t).toISOString();
  let lo = start;
  let hi = end;
  let finer: { grain: Segment['grain']; chars: number } = { grain: 'raw', chars: 24 };
  const add = (from: number, to: number) => {
    if (from >= to) return;
    out.push(finer.grain === 'raw' ? { grain: 'raw', from: iso(from), to: iso(to) } : { grain: finer.grain, from: bucketOf(from, finer.chars), to: bucketOf(to, finer.chars) });
  };
  for (const g of GRAINS.slice(0, GRAINS.findIndex((x) => x.grain === coarsest) + 1)) {
    const alignedLo = Math.ceil(lo / g.ms) * g.ms;
    const alignedHi = Math.floor(hi / g.ms) * g.ms;
    if (alignedLo >= alignedHi) break;
    add(lo, alignedLo);
    add(alignedHi, hi);
    [lo, hi, finer] = [alignedLo, alignedHi, g];
  }
  add(lo, hi);
  return out;
}

/**
 * Billed tokens of a profile in [start, end); pending runs (at their worst case) unless
 * `settledOnly`.
 */
export function billedInRange(db: Database.Database, profile: string, start: Date, end: Date, settledOnly: boolean): number {
  const pending = settledOnly ? " AND status != 'pending'" : '';
  const raw = prepared(db, `SELECT COALESCE(SUM(billed_tokens), 0) FROM runs WHERE profile = ? AND created_at >= ? AND created_at < ?${pending}`).pluck();
  const bucketed = prepared(db, `SELECT COALESCE(SUM(billed_tokens), 0) FROM run_totals WHERE grain = ? AND profile = ? AND bucket >= ? AND bucket < ?${settledOnly ? ' AND pending = 0' : ''}`).pluck();
  let sum = 0;
  for (const s of segments(start.getTime(), end.getTime())) {
    sum += (s.grain === 'raw' ? raw.get(profile, s.from, s.to) : bucketed.get(s.grain, profile, s.from, s.to)) as number;
  }
  return sum;
}
