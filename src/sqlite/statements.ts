/**
 * Prepared statements kept for the life of the process, one per database and SQL text.
 *
 * Why: better-sqlite3 ≤ 12 wraps each statement in a node::ObjectWrap whose destructor, on
 * Node.js ≥ 24.19, aborts the process when it runs from a background garbage collection
 * ("Assertion failed: (env) != nullptr" in RemoveEnvironmentCleanupHook). Statements that are never
 * collected never run that destructor, and preparing each SQL text once is cheaper anyway.
 * (better-sqlite3 13 fixes it but crashes on Node 20, which we also support.)
 */
import type Database from 'better-sqlite3';

const cache = new Map<Database.Database, Map<string, Database.Statement>>();

export function prepared(db: Database.Database, sql: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (statement === undefined) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}
