/**
 * Usage reports from the local ledger. Time buckets are grouped in SQL at ten-minute resolution
 * (fine enough for every real UTC offset, :30 and :45 included) and then folded into local days,
 * weeks or months here, so a million rows never cross into JavaScript one by one.
 */
import { whereOf, type Ledger, type RunFilter, type Totals } from './ledger.js';
import { periodBounds, type Period } from './periods.js';
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

const SUMS = `COUNT(*) AS runs, SUM(prompt_tokens) AS prompt_tokens, SUM(completion_tokens) AS completion_tokens,
  SUM(billed_tokens) AS billed_tokens, SUM(source = 'estimate') AS estimated_runs`;

export function usageRows(ledger: Ledger, filter: RunFilter, by: GroupBy, timeZone: string): ReportRow[] {
  const { where, params } = whereOf(filter);
  if (by === 'model' || by === 'profile') {
    return prepared(ledger.db, `SELECT ${by} AS key, ${SUMS} FROM runs ${where} GROUP BY ${by} ORDER BY billed_tokens DESC, key`).all(params) as ReportRow[];
  }
  const buckets = prepared(ledger.db, `SELECT substr(created_at, 1, 15) AS key, ${SUMS} FROM runs ${where} GROUP BY 1 ORDER BY 1`)
    .all(params) as ReportRow[];
  const folded = new Map<string, ReportRow>();
  for (const b of buckets) {
    const instant = new Date(`${b.key}0:00.000Z`);
    const key = localDate(periodBounds(by, instant, timeZone).start, timeZone);
    folded.set(key, { key, ...addTotals(folded.get(key) ?? NO_RUNS, b) });
  }
  return [...folded.values()];
}

/** A period's first day as YYYY-MM-DD in the time zone. */
function localDate(t: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);
}
