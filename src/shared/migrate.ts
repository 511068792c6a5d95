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

/** Applies every migration not yet recorded; returns true when the database was new. */
export function migrate(db: Database.Database, migrations: readonly Migration[], now: () => Date): boolean {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set((prepared(db, 'SELECT name FROM schema_migrations').all() as { name: string }[]).map((r) => r.name));
  const first = migrations[0];
  const created = first !== undefined && !applied.has(first.name);
  for (const m of migrations) {
    if (applied.has(m.name)) continue;
    db.transaction(() => {
      m.up(db);
      prepared(db, 'INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(m.name, now().toISOString());
    }).immediate();
  }
  return created;
}
