/**
 * Settling rows whose figures are not the server's: runs left pending by a process that died
 * (kill -9, a crash, a closed terminal) and runs recorded as estimates (interrupted, truncated,
 * failed). Where the provider keeps a record per run id, its figures replace the estimate; a
 * pending row that nothing can settle becomes `unresolved` and keeps its worst case, so budgets
 * over-count for a while but never under-count.
 */
import type { Ledger, ServerFigures } from './ledger.js';
import { isAlive } from './owner.js';

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

const WEEK_MS = 7 * 86_400_000;
/** A row the server has not heard of is asked about this often, and always while this young. */
const MAX_LOOKUPS = 3;
const YOUNG_MS = 15 * 60_000;

export async function resolveRuns(ledger: Ledger, o: ResolveOptions): Promise<Resolution> {
  let unresolved = 0;
  for (const row of ledger.pendingRuns()) {
    if (isAlive(row.pid)) continue;
    if (ledger.markUnresolved(row.id, 'the process ended before the run was recorded; counted at its worst case until the server settles it')) unresolved++;
  }
  let settled = 0;
  if (o.lookup) {
    const at = (ms: number) => new Date(o.now.getTime() - ms).toISOString();
    const rows = ledger.estimatedRuns(o.apiUrl, o.account, { since: at(o.withinMs ?? WEEK_MS), youngSince: at(YOUNG_MS), maxLookups: MAX_LOOKUPS, limit: o.max ?? 5 });
    const deadline = performance.now() + (o.budgetMs ?? 1500);
    for (const row of rows) {
      if (row.status === 'pending' || performance.now() > deadline) continue;
      let figures: ServerFigures | 'unknown';
      try {
        figures = await o.lookup(row.id);
      } catch {
        // The server is not answering: the next command tries again.
        break;
      }
      if (figures === 'unknown') ledger.noteUnknownToServer(row.id);
      else if (ledger.settleFromServer(row.id, figures)) settled++;
    }
  }
  return { settled, unresolved };
}
