/**
 * Usage reports from the local ledger, summed from run_totals (see totals.ts) so that a report's
 * cost does not grow with history: whole days, hours and ten-minute buckets, raw rows only at the
 * edges of the range. Time reports fold ten-minute buckets (fine enough for whole- and half-hour
 * UTC offsets) into local days, weeks or months, computing each period's bounds once, not per row.
 */
import type { Ledger, Totals } from './ledger.js';
import { whereOf, type RunFilter } from './filter.js';
import { periodBounds, type Bounds, type Period } from './periods.js';
import { segments, type Segment } from './totals.js';
import { prepared } from '../sqlite/statements.js';

export type GroupBy = Period | 'model' | 'profile';

/** One group of a report: the same figures as the ledger's totals, under a key. */
export type ReportRow = Totals & { key: string };

export const NO_RUNS: Totals = { runs: 0, prompt_tokens: 0, completion_tokens: 0, billed_tokens: 0, estimated_runs: 0 };

/** Two sets of figures added up, field by field. */
export function addTotals(a: Totals, b: Totals): Totals {
  return {
    runs: a.runs + b.runs,
    prompt_tokens: a.prompt_tokens + b.prompt_tokens,
    completion_tokens: a.completion_tokens + b.completion_tokens,
    billed_tokens: a.billed_tokens + b.billed_tokens,
    estimated_runs: a.estimated_runs + b.estimated_runs,
  };
}

const ROW_SUMS = `COUNT(*) AS runs, SUM(prompt_tokens) AS prompt_tokens, SUM(completion_tokens) AS completion_tokens,
  SUM(billed_tokens) AS billed_tokens, SUM(source = 'estimate') AS estimated_runs`;
const BUCKET_SUMS = `SUM(runs) AS runs, SUM(prompt_tokens) AS prompt_tokens, SUM(completion_tokens) AS completion_tokens,
  SUM(billed_tokens) AS billed_tokens, SUM(estimated_runs) AS estimated_runs`;

/**
 * The groups of one segment of the range; `key` is the SQL of the group's key in either table. A
 * bucket whose runs were all removed or moved stays behind with zero runs: it is no group.
 */
function segmentRows(ledger: Ledger, s: Segment, profile: string | undefined, key: { rows: string; buckets: string }): ReportRow[] {
  if (s.grain === 'raw') {
    const { where, params } = whereOf({ ...(profile !== undefined ? { profile } : {}), since: s.from, until: s.to });
    return prepared(ledger.db, `SELECT ${key.rows} AS key, ${ROW_SUMS} FROM runs ${where} GROUP BY 1`).all(params) as ReportRow[];
  }
  const byProfile = profile !== undefined ? ' AND profile = @profile' : '';
  return prepared(ledger.db, `SELECT ${key.buckets} AS key, ${BUCKET_SUMS} FROM run_totals WHERE grain = @grain AND bucket >= @from AND bucket < @to${byProfile} GROUP BY 1 HAVING SUM(runs) > 0`).all({
    grain: s.grain,
    from: s.from,
    to: s.to,
    ...(profile !== undefined ? { profile } : {}),
  }) as ReportRow[];
}

/** The range of a filter in ms; an open end is the ledger's first or last run. */
function rangeOf(ledger: Ledger, filter: RunFilter): [number, number] {
  const edge = (sql: string) => prepared(ledger.db, sql).pluck().get() as string | null;
  const since = filter.since ?? edge('SELECT MIN(created_at) FROM runs');
  const until = filter.until ?? edge('SELECT MAX(created_at) FROM runs');
  if (since === null || until === null) return [0, 0];
  return [Date.parse(since), filter.until === undefined ? Date.parse(until) + 1 : Date.parse(until)];
}

export function usageRows(ledger: Ledger, filter: RunFilter, by: GroupBy, timeZone: string): ReportRow[] {
  const [start, end] = rangeOf(ledger, filter);
  const groups = new Map<string, ReportRow>();
  const add = (key: string, t: Totals) => groups.set(key, { key, ...addTotals(groups.get(key) ?? NO_RUNS, t) });
  if (by === 'model' || by === 'profile') {
    for (const s of segments(start, end)) for (const r of segmentRows(ledger, s, filter.profile, { rows: by, buckets: by })) add(r.key, r);
    return [...groups.values()].sort((a, b) => b.billed_tokens - a.billed_tokens || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  const buckets = segments(start, end, 't').flatMap((s) => segmentRows(ledger, s, filter.profile, { rows: 'substr(created_at, 1, 15)', buckets: 'bucket' }));
  buckets.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let period: { bounds: Bounds; key: string } | undefined;
  for (const b of buckets) {
    const instant = new Date(`${b.key}0:00.000Z`);
    if (!period || instant < period.bounds.start || instant >= period.bounds.end) {
      const bounds = periodBounds(by, instant, timeZone);
      period = { bounds, key: localDate(bounds.start, timeZone) };
    }
    add(period.key, b);
  }
  return [...groups.values()];
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A period's first day as YYYY-MM-DD in the time zone. */
function localDate(t: Date, timeZone: string): string {
  let f = dateFormats.get(timeZone);
  if (!f) dateFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return f.format(t);
}
