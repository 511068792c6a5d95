/**
 * Errors of the local ledger that the CLI turns into messages and exit codes. Kept free of SQLite
 * imports, so that mapping an error never loads the database driver.
 */

/** The ledger file cannot be used: says which file, what happened, and what to do. */
export class LedgerError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'LedgerError';
  }
}

/** Neither the ledger nor the journal could take a run. */
export class NotRecordedError extends Error {
  constructor(
    readonly runId: string,
    readonly ledgerProblem: string,
    readonly journalProblem: string,
  ) {
    super(`run ${runId} could not be recorded: ledger: ${ledgerProblem}; journal: ${journalProblem}`);
    this.name = 'NotRecordedError';
  }
}
