import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The rows of a home's local ledger, read straight from SQLite. */
export function ledgerRows(home: string): any[] {
  if (!existsSync(join(home, 'ledger.db'))) return [];
  const db = new Database(join(home, 'ledger.db'), { readonly: true });
  try {
    return db.prepare('SELECT * FROM runs ORDER BY created_at, id').all();
  } finally {
    db.close();
  }
}
