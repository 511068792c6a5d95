/** The rows of a home's local ledger, read straight from SQLite. */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every connection and statement this helper makes is kept alive: on Node.js 24 a better-sqlite3
 * statement that the garbage collector reaches aborts the process (src/sqlite/statements.ts), and
 * tests that poll the ledger make many.
 */
const keep: unknown[] = [];

export function ledgerRows(home: string): any[] {
  if (!existsSync(join(home, 'ledger.db'))) return [];
  const db = new Database(join(home, 'ledger.db'), { readonly: true });
  const select = db.prepare('SELECT * FROM runs ORDER BY created_at, id');
  keep.push(db, select);
  try {
    return select.all();
  } finally {
    db.close();
  }
}
