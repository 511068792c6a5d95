/**
 * The reference server's SQLite database: WAL so readers never block the writer, a busy timeout so
 * concurrent writers wait instead of failing, and named append-only migrations run on every open.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '../../sqlite/migrate.js';
import { MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

export interface OpenedDb {
  db: Db;
  /** True when this open created the schema, i.e. the database is new. */
  created: boolean;
}

export function openServerDb(dataDir: string, now: () => Date): OpenedDb {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(join(dataDir, 'tokenplan.db'));
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA busy_timeout = 5000');
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA synchronous = NORMAL');
  const created = migrate(db, MIGRATIONS, now);
  return { db, created };
}
