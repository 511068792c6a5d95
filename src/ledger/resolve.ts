/**
 * Settling rows whose figures are not the server's: runs left pending by a process that died
 * (kill -9, a crash, a closed terminal) and runs recorded as estimates (interrupted, truncated,
 * failed). Where the provider keeps a record per run id, its figures replace the estimate; a
 * pending row that nothing can settle becomes `unresolved` and keeps its worst case, so budgets
 * over-count for a while but never under-count.
 */
import type { Ledger, ServerFigures } from './ledger.js';
import { isAlive } from './owner.js';
import { monotonicMs } from '../shared/monotonic.js';

/** The server's record of a run id: its figures, `unknown` when it has none, or a thrown error. */
export type RunLookup = (runId: string) => Promise<ServerFigures | 'unknown'>;

export interface ResolveOptions {
  /** The server and account the lookup speaks for; only their rows are looked up. */
  apiUrl: string;
  account: string;
  lookup?: RunLookup;
  now: Date;
  /** Look at rows this recent, at most this many per call, so a command never stalls on history. */
  withinMs?: number;
  max?: number;
  /** Stop asking once this much time has gone on lookups. */
  budgetMs?: number;
}

export interface Resolution {
  settled: number;
  unresolved: number;
}

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** A row the server has not heard of is asked about this often, and always while this young. */
const MAX_LOOKUPS = 3;
const YOUNG_MS = 15 * 60_000;
const UNBILLED_AFTER_MS = 60 * 60_000;

export async function resolveRuns(ledger: Ledger, o: ResolveOptions): Promise<Resolution> {
  let unresolved = 0;
  for (const row of ledger.pendingRuns()) {
    // A day is longer than any run: past that, the owner is gone whatever its pid says.
    const stale = o.now.getTime() - Date.parse(row.created_at) > DAY_MS;
    if (isAlive(row.pid, row.pid_start) && !stale) continue;
    if (ledger.markUnresolved(row.id, 'the process ended before the run was recorded; counted at its worst case until the server settles it')) unresolved++;
  }
  let settled = 0;
  if (o.lookup) {
    const at = (ms: number) => new Date(o.now.getTime() - ms).toISOString();
    const rows = ledger.estimatedRuns(o.apiUrl, o.account, { since: at(o.withinMs ?? WEEK_MS), youngSince: at(YOUNG_MS), oldBefore: at(UNBILLED_AFTER_MS), maxLookups: MAX_LOOKUPS, limit: o.max ?? 5 });
    const deadline = monotonicMs() + (o.budgetMs ?? 1500);
    for (const row of rows) {
      if (row.status === 'pending' || monotonicMs() > deadline) continue;
      let figures: ServerFigures | 'unknown';
      try {
        figures = await o.lookup(row.id);
      } catch {
        // The server is not answering: the next command tries again.
        break;
      }
      if (figures !== 'unknown') {
        if (ledger.settleFromServer(row.id, figures)) settled++;
      } else if (o.now.getTime() - Date.parse(row.created_at) > UNBILLED_AFTER_MS) {
        // Long after the run, a server that settles every request (also after its own crash) and
        // has no record of this one did not bill it: keeping the estimate would over-count forever.
        const unbilled = { prompt_tokens: 0, completion_tokens: 0, billed_tokens: 0, status: row.status === 'ok' ? ('ok' as const) : ('error' as const) };
        if (ledger.settleFromServer(row.id, unbilled, 'the server has no record of this run: it was not billed')) settled++;
      } else {
        ledger.noteUnknownToServer(row.id);
      }
    }
  }
  return { settled, unresolved };
}
