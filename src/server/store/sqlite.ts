/**
 * The SQLite store (the default): one better-sqlite3 connection, WAL so readers never block the
 * writer, a busy timeout so another process's writer is waited for, not failed on.
 *
 * better-sqlite3 is synchronous but the store interface is not, so a transaction's work may await
 * between its statements; one async lock per connection keeps every other statement of this
 * process out of an open transaction (they would otherwise join it). The lock is held for
 * microtasks only: each statement itself runs synchronously.
 */
import type Database from 'better-sqlite3';
import { sqliteDatabase } from '../../sqlite/driver.js';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { migrate } from '../../sqlite/migrate.js';
import { prepared } from '../../sqlite/statements.js';
import { SERVER_MIGRATIONS } from './migrations.js';
import { markTransaction, outsideTransaction, type Db, type OpenedDb, type Param, type Sql } from './sql.js';

class Statements implements Sql {
  readonly dialect = 'sqlite';
  constructor(protected readonly conn: Database.Database) {}
  // async, so that a failing statement rejects like PostgreSQL's instead of throwing where it is called.
  async all<T>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    return prepared(this.conn, sql).all(...params) as T[];
  }
  async get<T>(sql: string, params: readonly Param[] = []): Promise<T | undefined> {
    return prepared(this.conn, sql).get(...params) as T | undefined;
  }
  async run(sql: string, params: readonly Param[] = []): Promise<number> {
    return prepared(this.conn, sql).run(...params).changes;
  }
  /** BEGIN IMMEDIATE took the database's write lock: every account is already this transaction's. */
  async lockAccount(): Promise<void> {}
}

class SqliteDb extends Statements implements Db {
  private tail: Promise<unknown> = Promise.resolve();

  /** Runs `work` after everything queued before it, alone on the connection. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }

  override all<T>(sql: string, params?: readonly Param[]): Promise<T[]> {
    outsideTransaction('a query');
    return this.exclusive(() => super.all<T>(sql, params));
  }
  override get<T>(sql: string, params?: readonly Param[]): Promise<T | undefined> {
    outsideTransaction('a query');
    return this.exclusive(() => super.get<T>(sql, params));
  }
  override run(sql: string, params?: readonly Param[]): Promise<number> {
    outsideTransaction('a statement');
    return this.exclusive(() => super.run(sql, params));
  }

  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    outsideTransaction('a nested transaction');
    return this.exclusive(() =>
      markTransaction(async () => {
        this.conn.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(new Statements(this.conn));
          this.conn.exec('COMMIT');
          return result;
        } catch (e) {
          if (this.conn.inTransaction) this.conn.exec('ROLLBACK');
          throw e;
        }
      }),
    );
  }

  async ping(): Promise<void> {
    await this.get('SELECT 1');
  }

  close(): Promise<void> {
    return this.exclusive(async () => void this.conn.close());
  }
}

export function openSqliteDb(dataDir: string, now: () => Date): OpenedDb {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const conn = sqliteDatabase(join(dataDir, 'tokenplan.db'));
  conn.exec('PRAGMA journal_mode = WAL');
  conn.exec('PRAGMA busy_timeout = 5000');
  conn.exec('PRAGMA foreign_keys = ON');
  conn.exec('PRAGMA synchronous = NORMAL');
  const created = migrate(conn, SERVER_MIGRATIONS.map((m) => ({ name: m.name, up: (c) => c.exec(m.sql) })), now);
  return { db: new SqliteDb(conn), created };
}
