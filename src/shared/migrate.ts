/**
 * Named, append-only migrations for the SQLite databases of both the server and the local ledger
 * (after llm's migrations.py): each runs once, in order, recorded by name in `schema_migrations`.
 * Typed structurally so that this file imports nothing.
 */
export interface MigratableDb {
  exec(sql: string): unknown;
  prepare(sql: string): { run(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] };
  transaction<F extends () => unknown>(fn: F): { immediate(): unknown };
}

export interface Migration<D> {
  name: string;
  up(db: D): void;
}

/** Applies every migration not yet recorded; returns true when the database was new. */
export function migrate<D extends MigratableDb>(db: D, migrations: readonly Migration<D>[], now: () => Date): boolean {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = new Set((db.prepare('SELECT name FROM schema_migrations').all() as { name: string }[]).map((r) => r.name));
  const first = migrations[0];
  const created = first !== undefined && !applied.has(first.name);
  for (const m of migrations) {
    if (applied.has(m.name)) continue;
    db.transaction(() => {
      m.up(db);
      db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(m.name, now().toISOString());
    }).immediate();
  }
  return created;
}
