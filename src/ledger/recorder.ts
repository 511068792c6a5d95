/**
 * Recording a run so that it cannot silently fail: each event goes to the ledger (waiting for a
 * lock no longer than the ledger's busy timeout), else to the journal beside it, else the caller
 * gets a NotRecordedError that names the run, so that nobody retries blind and pays twice.
 */
import { LedgerError, NotRecordedError } from './errors.js';
import { appendToJournal, type JournalEntry } from './journal.js';
import type { Ledger, RunEnd, RunStart } from './ledger.js';

export type RecordedIn = 'ledger' | 'journal';

export class RunRecorder {
  /** Why the ledger could not be used, once it failed: later events go straight to the journal. */
  private ledgerProblem: string | undefined;

  constructor(
    private readonly ledger: () => Ledger,
    private readonly journalPath: string,
  ) {}

  /** `guard` runs inside the insert's transaction; what it throws (a refusal) is not a storage failure. */
  begin(start: RunStart, guard?: (ledger: Ledger) => void): RecordedIn {
    return this.write(start.id, (l) => l.beginRun(start, guard), { op: 'begin', start });
  }

  complete(end: RunEnd, start: RunStart): RecordedIn {
    return this.write(end.id, (l) => l.completeRun(end, start), { op: 'complete', end, start });
  }

  private write(runId: string, toLedger: (l: Ledger) => void, entry: JournalEntry): RecordedIn {
    if (this.ledgerProblem === undefined) {
      try {
        toLedger(this.ledger());
        return 'ledger';
      } catch (e) {
        if (!isStorageFailure(e)) throw e;
        this.ledgerProblem = messageOf(e);
      }
    }
    try {
      appendToJournal(this.journalPath, entry);
      return 'journal';
    } catch (e) {
      throw new NotRecordedError(runId, this.ledgerProblem, messageOf(e));
    }
  }

  /** Why the ledger was passed over, when it was. */
  get problem(): string | undefined {
    return this.ledgerProblem;
  }
}

/** SQLite's and the file system's errors carry a code; a budget refusal does not. */
const isStorageFailure = (e: unknown) => e instanceof LedgerError || typeof (e as { code?: unknown })?.code === 'string';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
