/** The local ledger's schema. Append-only: never edit or reorder a migration that has shipped. */
import type Database from 'better-sqlite3';
import type { Migration } from '../shared/migrate.js';

export const LEDGER_MIGRATIONS: Migration<Database.Database>[] = [
  {
    name: 'm001_runs',
    up: (db) =>
      db.exec(`
        CREATE TABLE runs (
          id TEXT PRIMARY KEY,              -- the run id, also the request's Idempotency-Key
          created_at TEXT NOT NULL,         -- ISO-8601 UTC, when the run started
          profile TEXT NOT NULL,
          provider TEXT NOT NULL,
          model TEXT NOT NULL,
          prompt_tokens INTEGER NOT NULL CHECK (prompt_tokens >= 0),
          completion_tokens INTEGER NOT NULL CHECK (completion_tokens >= 0),
          billed_tokens INTEGER NOT NULL CHECK (billed_tokens >= 0),
          cost_minor INTEGER,               -- money, where known, in minor units of currency
          currency TEXT,
          status TEXT NOT NULL CHECK (status IN ('ok', 'interrupted', 'error')),
          source TEXT NOT NULL CHECK (source IN ('server', 'estimate')),
          duration_ms INTEGER NOT NULL,
          ttft_ms INTEGER,
          forced INTEGER NOT NULL DEFAULT 0, -- run despite a hard budget (--force)
          error TEXT
        );
        CREATE INDEX runs_by_profile_time ON runs(profile, created_at);
        CREATE INDEX runs_by_time ON runs(created_at);
      `),
  },
  {
    name: 'm002_balance_snapshots',
    up: (db) =>
      db.exec(`
        -- The last balance each profile saw from its server, for the offline estimate.
        CREATE TABLE balance_snapshots (
          profile TEXT PRIMARY KEY,
          api_url TEXT NOT NULL,
          tokens_remaining INTEGER NOT NULL,
          seen_at TEXT NOT NULL,
          document TEXT NOT NULL
        );
      `),
  },
];
