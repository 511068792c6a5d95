/**
 * The local spend ledger: one SQLite file shared safely by concurrent tokencli processes (WAL,
 * busy timeout, BEGIN IMMEDIATE for every write). One row per run; totals are always derived
 * from the rows, never kept as counters that could drift.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from '../shared/migrate.js';
import type { Budget } from './budget.js';
import { LEDGER_MIGRATIONS } from './migrations.js';
import type { Period } from './periods.js';
import { prepared } from '../shared/statements.js';

export type RunStatus = 'ok' | 'interrupted' | 'error';
export type UsageSource = 'server' | 'estimate';

export interface RunRecord {
  id: string;
  created_at: string;
  profile: string;
  provider: string;
  model: string;
  prompt_tokens: number;
  completion_tokens: number;
  billed_tokens: number;
  cost_minor: number | null;
  currency: string | null;
  status: RunStatus;
  source: UsageSource;
  duration_ms: number;
  ttft_ms: number | null;
  forced: boolean;
  error: string | null;
}

export interface Totals {
  runs: number;
  prompt_tokens: number;
  completion_tokens: number;
  billed_tokens: number;
  estimated_runs: number;
}

export interface BalanceSnapshot {
  profile: string;
  api_url: string;
  tokens_remaining: number;
  seen_at: string;
  document: unknown;
}

export interface RunFilter {
  profile?: string;
  /** Inclusive lower bound, ISO UTC. */
  since?: string;
  /** Exclusive upper bound, ISO UTC. */
  until?: string;
}

export class Ledger {
  private constructor(readonly db: Database.Database) {}

  static open(file: string, now: () => Date = () => new Date()): Ledger {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const db = new Database(file);
    db.exec('PRAGMA busy_timeout = 10000');
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec('PRAGMA foreign_keys = ON');
    migrate(db, LEDGER_MIGRATIONS, now);
    return new Ledger(db);
  }

  /** Records a run. Recording the same run id twice keeps the first: a retry never double-counts. */
  recordRun(run: RunRecord): void {
    const insert = prepared(this.db, 
      `INSERT OR IGNORE INTO runs (id, created_at, profile, provider, model, prompt_tokens, completion_tokens, billed_tokens,
         cost_minor, currency, status, source, duration_ms, ttft_ms, forced, error)
       VALUES (@id, @created_at, @profile, @provider, @model, @prompt_tokens, @completion_tokens, @billed_tokens,
         @cost_minor, @currency, @status, @source, @duration_ms, @ttft_ms, @forced, @error)`,
    );
    this.db.transaction(() => insert.run({ ...run, forced: run.forced ? 1 : 0 })).immediate();
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
      `INSERT INTO balance_snapshots (profile, api_url, tokens_remaining, seen_at, document) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(profile) DO UPDATE SET api_url = excluded.api_url, tokens_remaining = excluded.tokens_remaining,
         seen_at = excluded.seen_at, document = excluded.document`,
    );
    this.db.transaction(() => upsert.run(s.profile, s.api_url, s.tokens_remaining, s.seen_at, JSON.stringify(s.document))).immediate();
  }

  lastBalance(profile: string): BalanceSnapshot | undefined {
    const row = prepared(this.db, 'SELECT * FROM balance_snapshots WHERE profile = ?').get(profile) as
      | (Omit<BalanceSnapshot, 'document'> & { document: string })
      | undefined;
    return row && { ...row, document: JSON.parse(row.document) as unknown };
  }

  /** Sum of billed tokens of a profile in [start, end): the figure every budget check needs. */
  billedBetween(profile: string, start: Date, end: Date): number {
    return prepared(this.db, 'SELECT COALESCE(SUM(billed_tokens), 0) FROM runs WHERE profile = ? AND created_at >= ? AND created_at < ?')
      .pluck()
      .get(profile, start.toISOString(), end.toISOString()) as number;
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

/** SQL conditions for a run filter, with named parameters. */
export function whereOf(f: RunFilter): { where: string; params: Record<string, string> } {
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  if (f.profile !== undefined) {
    clauses.push('profile = @profile');
    params.profile = f.profile;
  }
  if (f.since !== undefined) {
    clauses.push('created_at >= @since');
    params.since = f.since;
  }
  if (f.until !== undefined) {
    clauses.push('created_at < @until');
    params.until = f.until;
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
