/**
 * better-sqlite3, loaded the quick way (~3 ms of every start-up that opens the ledger): by
 * `require`, since an ES import of a CommonJS package makes Node scan the package's source for its
 * exports first, and with its native addon named directly instead of found by the `bindings`
 * package, which probes a dozen paths and walks a stack trace to do it.
 */
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

const require = createRequire(import.meta.url);
const Database = require('better-sqlite3') as typeof BetterSqlite3;

/** Where an install (prebuilt or built from source) puts the addon; undefined leaves the search to `bindings`. */
const addon = (() => {
  try {
    return require.resolve('better-sqlite3/build/Release/better_sqlite3.node');
  } catch {
    return undefined;
  }
})();

export function sqliteDatabase(filename: string | Buffer, options: BetterSqlite3.Options = {}): BetterSqlite3.Database {
  return new Database(filename, addon ? { nativeBinding: addon, ...options } : options);
}
