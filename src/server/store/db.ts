/**
 * Opens the server's database: SQLite in a data directory (the default, one command, no setup),
 * or PostgreSQL at a URL for several replicas sharing one database. Both run the same named,
 * append-only migrations (migrations.ts) on open.
 */
import type { PostgresOptions } from './postgres.js';
import type { OpenedDb } from './sql.js';
import { openSqliteDb } from './sqlite.js';

export type { Db, OpenedDb, Sql } from './sql.js';

export type DatabaseTarget = { dataDir: string; postgres?: undefined } | { postgres: PostgresOptions };

/** Where the data is, for a log line: the data directory, or the URL without its password. */
export function describeTarget(target: DatabaseTarget): string {
  if (!target.postgres) return target.dataDir;
  const url = new URL(target.postgres.url);
  if (url.password) url.password = '***';
  return url.href;
}

export async function openServerDb(target: DatabaseTarget, now: () => Date): Promise<OpenedDb> {
  if (!target.postgres) return openSqliteDb(target.dataDir, now);
  // The driver loads only for a PostgreSQL store: the default server starts without it.
  const { openPostgresDb } = await import('./postgres.js');
  return openPostgresDb(target.postgres, now);
}
