/**
 * The one interface the server's store speaks, over SQLite (sqlite.ts, the default) or PostgreSQL
 * (postgres.ts, for several replicas on one database). Queries are plain SQL with `?` placeholders
 * written once for both dialects; the few places where the dialects differ say so where they are
 * (the migrations, and `lockAccount`).
 *
 * Money moves only inside `transaction`, and every transaction that reads then writes an account's
 * balances, holds, windows or idempotency keys first calls `lockAccount`: on SQLite the whole
 * transaction already holds the database's write lock (BEGIN IMMEDIATE), on PostgreSQL it takes the
 * account's row lock (SELECT … FOR UPDATE), so transactions of one account run one after the other
 * whichever replica runs them, and those of different accounts do not wait for each other.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export type Param = string | number | null | Buffer;

export interface Sql {
  readonly dialect: 'sqlite' | 'postgres';
  /** A read: outside a transaction, SQLite may answer it from the event-loop turn's snapshot (sqlite.ts), so a statement that writes goes through `run`. */
  all<T>(sql: string, params?: readonly Param[]): Promise<T[]>;
  /** The first row of a read, as `all`. */
  get<T>(sql: string, params?: readonly Param[]): Promise<T | undefined>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly Param[]): Promise<number>;
  /** Within a transaction: waits for, then holds until commit, the right to change this account's money. */
  lockAccount(accountId: string): Promise<void>;
}

export interface Db extends Sql {
  /**
   * Runs `work` in one transaction on one connection, with `tx` as its only handle. On PostgreSQL a
   * serialization failure or deadlock rolls back and runs `work` again, so it must not have effects
   * outside the database.
   */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface OpenedDb {
  db: Db;
  /** True when this open created the schema, i.e. the database is new. */
  created: boolean;
}

/**
 * A statement sent on the pool while a transaction of the same async context is open would run
 * outside it, and on PostgreSQL could wait forever for a lock that transaction holds: refused
 * loudly instead, on both stores, so that a test on SQLite catches it too.
 *
 * On Node 20 and 22 an enabled AsyncLocalStorage runs a hook for every promise the process makes
 * (async_hooks), which cost the cheapest reads an eighth of their time though they open no
 * transaction. So it is enabled only while a transaction is open, the only time there is anything to
 * catch: `run` enables it, and the last transaction to end disables it again.
 */
const inTransaction = new AsyncLocalStorage<true>();
let openTransactions = 0;

export function outsideTransaction(what: string): void {
  if (inTransaction.getStore()) throw new Error(`${what} on the database handle inside a transaction: use the transaction's handle`);
}

export async function markTransaction<T>(work: () => Promise<T>): Promise<T> {
  openTransactions++;
  try {
    return await inTransaction.run(true, work);
  } finally {
    if (--openTransactions === 0) inTransaction.disable();
  }
}

/**
 * Appended to a SELECT inside a transaction: on PostgreSQL the rows read stay locked until it ends;
 * SQLite's BEGIN IMMEDIATE holds the whole database already.
 */
export const forUpdate = (sql: Sql) => (sql.dialect === 'postgres' ? ' FOR UPDATE' : '');

/** A unique index refused a row: SQLite's and PostgreSQL's words for it. */
export const isUniqueViolation = (e: unknown) => ['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY', '23505'].includes((e as { code?: string }).code ?? '');

/** The first value of a one-row answer, for aggregates such as `SELECT COUNT(*) AS n`. */
export async function scalar<T>(sql: Sql, text: string, params: readonly Param[] = []): Promise<T> {
  const row = await sql.get<Record<string, T>>(text, params);
  return Object.values(row ?? {})[0] as T;
}
