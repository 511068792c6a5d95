/**
 * Named, append-only migrations for the SQLite databases of both the server and the local ledger
 * (after llm's migrations.py): each runs once, in order, recorded by name in `schema_migrations`.
 */
import type Database from 'better-sqlite3';
import { prepared } from './statements.js';

export interface Migration<D = Database.Database> {
  name: string;
  up(db: D): void;
}

/**
 * Applies every migration not yet recorded; returns true when this call created the database.
 * Each migration checks and records itself inside one `BEGIN IMMEDIATE` transaction, so processes
 * opening a new database at the same moment cannot both apply the same one.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], now: () => Date): boolean {
  // The common case, an up-to-date database, takes no write lock at all.
  if (unapplied(db, migrations).length === 0) return false;
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const isApplied = prepared(db, 'SELECT 1 FROM schema_migrations WHERE name = ?');
  const record = prepared(db, 'INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  let created = false;
  migrations.forEach((m, i) => {
    db.transaction(() => {
      if (isApplied.get(m.name)) return;
      m.up(db);
      record.run(m.name, now().toISOString());
      if (i === 0) created = true;
    }).immediate();
  });
  return created;
}

/** Names of the migrations this database has not had yet; reads only. */
export function unapplied(db: Database.Database, migrations: readonly Migration[]): string[] {
  const hasTable = prepared(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!hasTable) return migrations.map((m) => m.name);
  const applied = new Set(prepared(db, 'SELECT name FROM schema_migrations').pluck().all() as string[]);
  return migrations.map((m) => m.name).filter((name) => !applied.has(name));
}
