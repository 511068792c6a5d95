/**
 * The local spend ledger: one SQLite file shared safely by concurrent tokencli processes (WAL,
 * busy timeout, BEGIN IMMEDIATE for every write). One row per run; totals are always derived
 * from the rows, never kept as counters that could drift (run_totals is kept by triggers in the
 * same transaction as the rows it sums: see totals.ts).
 *
 * Longer than most files on purpose: every statement run against the ledger lives in this class,
 * beside the others that use the same indexes, so a schema change is made and checked in one place.
 */
import type Database from 'better-sqlite3';
import type { Budget } from './budget-rules.js';
import { openLedgerDb, type OpenOptions } from './open.js';
import { processStart } from './owner.js';
import type { Period } from './periods.js';
import { prepared } from '../sqlite/statements.js';
import { whereOf, type RunFilter } from './filter.js';
import { billedInRange } from './totals.js';

export type { RunFilter } from './filter.js';

/**
 * `pending`: written before the request left, not completed yet (or its process died);
 * `truncated`: the answer stopped early without saying so; `unresolved`: the process died and no
 * server record could settle it, so it keeps its worst case.
 */
export type RunStatus = 'pending' | 'ok' | 'truncated' | 'interrupted' | 'error' | 'unresolved';
export type UsageSource = 'server' | 'estimate';

/** What is known before the request leaves: the write-ahead row. */
export interface RunStart {
  id: string;
  created_at: string;
  profile: string;
  provider: string;
  api_url: string;
  account: string;
  model: string;
  /** An upper bound of the prompt, until the real figure is known. */
  prompt_tokens: number;
  /** The most this run may cost in plan tokens; budgets count a pending run at this. */
  reserve_tokens: number;
  forced: boolean;
  pid: number;
}

/** How the run ended. */
export interface RunEnd {
  id: string;
  prompt_tokens: number;
  completion_tokens: number;
  billed_tokens: number;
  cost_minor: number | null;
  currency: string | null;
  status: Exclude<RunStatus, 'pending' | 'unresolved'>;
  source: UsageSource;
  duration_ms: number;
  ttft_ms: number | null;
  error: string | null;
}

/** A ledger row as stored. */
export type RunRecord = RunStart & Omit<RunEnd, 'status'> & { status: RunStatus; pid_start: string | null };

/** The server's own figures for a run, used to settle estimates. */
export interface ServerFigures {
  prompt_tokens: number;
  completion_tokens: number;
  billed_tokens: number;
  status: 'ok' | 'interrupted' | 'error';
}

export interface Totals {
  runs: number;
  prompt_tokens: number;
  completion_tokens: number;
  billed_tokens: number;
  estimated_runs: number;
}

export interface BalanceSnapshot {
  api_url: string;
  account: string;
  tokens_remaining: number;
  seen_at: string;
  document: unknown;
}

export interface OfflineEstimate {
  snapshot: BalanceSnapshot;
  spent_since: number;
  tokens_remaining: number;
}

export class Ledger {
  private constructor(
    readonly db: Database.Database,
    readonly readOnly: boolean,
  ) {}

  static open(file: string, o: OpenOptions = {}): Ledger {
    return new Ledger(openLedgerDb(file, o), o.readOnly === true);
  }

  /** The write-ahead row. Writing the same run id twice keeps the first: a replay never double-counts. */
  /** `guard` runs first inside the same write transaction: a check no other writer can race. */
  beginRun(r: RunStart, guard?: (ledger: Ledger) => void): void {
    this.db
      .transaction(() => {
        guard?.(this);
        this.beginRunInside(r);
      })
      .immediate();
  }

  /**
   * Completes a pending row. A row already settled from the server's own record is left alone, so
   * a late journal replay cannot replace the server's figures with an estimate. When the row is
   * missing (its start went to the journal and was lost), `start` recreates it whole.
   */
  completeRun(end: RunEnd, start?: RunStart): void {
    const update = prepared(this.db,
      `UPDATE runs SET prompt_tokens = @prompt_tokens, completion_tokens = @completion_tokens, billed_tokens = @billed_tokens,
         cost_minor = @cost_minor, currency = @currency, status = @status, source = @source, duration_ms = @duration_ms,
         ttft_ms = @ttft_ms, error = @error, pid = NULL
       WHERE id = @id AND (status IN ('pending', 'unresolved') OR (source = 'estimate' AND @source = 'server'))`,
    );
    const exists = prepared(this.db, 'SELECT 1 FROM runs WHERE id = ?');
    this.db
      .transaction(() => {
        if (start && !exists.get(end.id)) this.beginRunInside(start);
        update.run(end);
      })
      .immediate();
  }

  private beginRunInside(r: RunStart): void {
    prepared(this.db,
      `INSERT OR IGNORE INTO runs (id, created_at, profile, provider, api_url, account, model, prompt_tokens, completion_tokens,
         billed_tokens, reserve_tokens, status, source, duration_ms, forced, pid, pid_start)
       VALUES (@id, @created_at, @profile, @provider, @api_url, @account, @model, @prompt_tokens, 0,
         @reserve_tokens, @reserve_tokens, 'pending', 'estimate', 0, @forced, @pid, @pid_start)`,
    ).run({ ...r, forced: r.forced ? 1 : 0, pid_start: processStart(r.pid) ?? null });
  }

  /**
   * Rows whose figures are still estimates, newest first: what a server record could settle. A row
   * the server has said it does not know `maxLookups` times is asked about again only while it is
   * young, and once it is old enough for that answer to be final.
   */
  estimatedRuns(apiUrl: string, account: string, o: { since: string; youngSince: string; oldBefore: string; maxLookups: number; limit: number }): RunRecord[] {
    return prepared(this.db,
      `SELECT * FROM runs WHERE source = 'estimate' AND api_url = @apiUrl AND account = @account AND created_at >= @since
         AND (lookups < @maxLookups OR created_at >= @youngSince OR created_at < @oldBefore)
       ORDER BY created_at DESC LIMIT @limit`,
    ).all({ apiUrl, account, ...o }) as RunRecord[];
  }

  /** The server was asked about this run and had no record of it. */
  noteUnknownToServer(id: string): void {
    const update = prepared(this.db, 'UPDATE runs SET lookups = lookups + 1 WHERE id = ?');
    this.db.transaction(() => update.run(id)).immediate();
  }

  /** Every pending row, with the process that owns it. */
  pendingRuns(): RunRecord[] {
    return prepared(this.db, `SELECT * FROM runs WHERE source = 'estimate' AND status = 'pending' ORDER BY created_at`).all() as RunRecord[];
  }

  /** Replaces an estimate with the server's own figures. */
  settleFromServer(id: string, f: ServerFigures, note = 'settled from the server record after the process ended'): boolean {
    const update = prepared(this.db,
      `UPDATE runs SET prompt_tokens = @prompt_tokens, completion_tokens = @completion_tokens, billed_tokens = @billed_tokens,
         source = 'server', pid = NULL,
         status = CASE WHEN status IN ('pending', 'unresolved') THEN @status ELSE status END,
         error = CASE WHEN status IN ('pending', 'unresolved') THEN @note ELSE error END
       WHERE id = @id AND source = 'estimate'`,
    );
    return (this.db.transaction(() => update.run({ id, note, ...f })).immediate() as { changes: number }).changes > 0;
  }

  /** A pending row whose process is gone and that no server record can settle keeps its worst case. */
  markUnresolved(id: string, reason: string): boolean {
    const update = prepared(this.db, `UPDATE runs SET status = 'unresolved', pid = NULL, error = ? WHERE id = ? AND status = 'pending'`);
    return (this.db.transaction(() => update.run(reason, id)).immediate() as { changes: number }).changes > 0;
  }

  totals(filter: RunFilter = {}): Totals {
    const { where, params } = whereOf(filter);
    return prepared(this.db, 
        `SELECT COUNT(*) AS runs, COALESCE(SUM(prompt_tokens), 0) AS prompt_tokens,
                COALESCE(SUM(completion_tokens), 0) AS completion_tokens, COALESCE(SUM(billed_tokens), 0) AS billed_tokens,
                COALESCE(SUM(source = 'estimate'), 0) AS estimated_runs
         FROM runs ${where}`,
      )
      .get(params) as Totals;
  }

  saveBalance(s: BalanceSnapshot): void {
    const upsert = prepared(this.db,
      `INSERT INTO balance_snapshots (api_url, account, tokens_remaining, seen_at, document) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(api_url, account) DO UPDATE SET tokens_remaining = excluded.tokens_remaining,
         seen_at = excluded.seen_at, document = excluded.document`,
    );
    this.db.transaction(() => upsert.run(s.api_url, s.account, s.tokens_remaining, s.seen_at, JSON.stringify(s.document))).immediate();
  }

  lastBalance(apiUrl: string, account: string): BalanceSnapshot | undefined {
    const row = prepared(this.db, 'SELECT * FROM balance_snapshots WHERE api_url = ? AND account = ?').get(apiUrl, account) as
      | (Omit<BalanceSnapshot, 'document'> & { document: string })
      | undefined;
    return row && { ...row, document: JSON.parse(row.document) as unknown };
  }

  /**
   * The last balance this server gave this account, minus what the ledger recorded against the
   * same server and account since (pending runs at their worst case): an estimate, never the truth.
   */
  offlineEstimate(apiUrl: string, account: string): OfflineEstimate | undefined {
    const snapshot = this.lastBalance(apiUrl, account);
    if (!snapshot) return undefined;
    const spent = prepared(this.db, 'SELECT COALESCE(SUM(billed_tokens), 0) FROM runs WHERE api_url = ? AND account = ? AND created_at >= ?')
      .pluck()
      .get(apiUrl, account, snapshot.seen_at) as number;
    return { snapshot, spent_since: spent, tokens_remaining: Math.max(0, snapshot.tokens_remaining - spent) };
  }

  /**
   * Sum of billed tokens of a profile in [start, end): the figure every budget check needs. Runs
   * still in flight count at their worst case unless `settledOnly` (alerts must not fire on a
   * reservation that may never be spent).
   */
  billedBetween(profile: string, start: Date, end: Date, o: { settledOnly?: boolean } = {}): number {
    return billedInRange(this.db, profile, start, end, o.settledOnly === true);
  }

  /** Creates the profile's budget for the period, or replaces it. */
  setBudget(b: Omit<Budget, 'id'>, now: Date): Budget {
    const upsert = prepared(this.db, 
      `INSERT INTO budgets (profile, period, limit_tokens, limit_amount_minor, limit_currency, warn, hard, alert_command, created_at)
       VALUES (@profile, @period, @limit_tokens, @amount, @currency, @warn, @hard, @alert_command, @created_at)
       ON CONFLICT(profile, period) DO UPDATE SET limit_tokens = excluded.limit_tokens, limit_amount_minor = excluded.limit_amount_minor,
         limit_currency = excluded.limit_currency, warn = excluded.warn, hard = excluded.hard, alert_command = excluded.alert_command`,
    );
    this.db
      .transaction(() =>
        upsert.run({
          profile: b.profile,
          period: b.period,
          limit_tokens: b.limit_tokens,
          amount: b.limit_money?.amount_minor ?? null,
          currency: b.limit_money?.currency ?? null,
          warn: JSON.stringify(b.warn),
          hard: b.hard ? 1 : 0,
          alert_command: b.alert_command,
          created_at: now.toISOString(),
        }),
      )
      .immediate();
    return this.budgets(b.profile).find((x) => x.period === b.period)!;
  }

  budgets(profile?: string): Budget[] {
    const rows = prepared(this.db, `SELECT * FROM budgets ${profile === undefined ? '' : 'WHERE profile = ?'} ORDER BY profile, CASE period WHEN 'day' THEN 0 WHEN 'week' THEN 1 ELSE 2 END`)
      .all(...(profile === undefined ? [] : [profile])) as BudgetRow[];
    return rows.map((r) => ({
      id: r.id,
      profile: r.profile,
      period: r.period,
      limit_tokens: r.limit_tokens,
      limit_money: r.limit_amount_minor === null ? null : { amount_minor: r.limit_amount_minor, currency: r.limit_currency ?? 'CNY' },
      warn: JSON.parse(r.warn) as number[],
      hard: r.hard === 1,
      alert_command: r.alert_command,
    }));
  }

  removeBudget(profile: string, period: Period): boolean {
    const del = prepared(this.db, 'DELETE FROM budgets WHERE profile = ? AND period = ?');
    return (this.db.transaction(() => del.run(profile, period)).immediate() as { changes: number }).changes > 0;
  }

  /** Records an alert; true only for the one caller (of any process) that recorded it first. */
  claimAlert(budgetId: number, periodStart: Date, threshold: number, used: number, now: Date): boolean {
    const insert = prepared(this.db, 
      'INSERT OR IGNORE INTO alerts_sent (budget_id, period_start, threshold, used_tokens, sent_at) VALUES (?, ?, ?, ?, ?)',
    );
    const result = this.db.transaction(() => insert.run(budgetId, periodStart.toISOString(), threshold, used, now.toISOString())).immediate() as { changes: number };
    return result.changes === 1;
  }

  close(): void {
    this.db.close();
  }
}

interface BudgetRow {
  id: number;
  profile: string;
  period: Period;
  limit_tokens: number;
  limit_amount_minor: number | null;
  limit_currency: string | null;
  warn: string;
  hard: number;
  alert_command: string | null;
}
