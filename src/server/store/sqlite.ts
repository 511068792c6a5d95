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
  /** True while reads share the read transaction the first of them began this event-loop turn. */
  private reading = false;

  /** Work queued by exclusive() and not yet finished. */
  private queued = 0;

  /** Runs `work` after everything queued before it, alone on the connection. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    this.queued++;
    const result = this.tail.then(work);
    const done = () => void this.queued--;
    this.tail = result.then(done, done);
    return result;
  }

  /**
   * Reads outside a transaction share one read transaction per event-loop turn. Every read
   * transaction on a WAL database takes and drops a lock with two fcntl calls, and at one per
   * statement that was an eighth of a cheap read's time. The shared snapshot ends in the turn's check
   * phase (setImmediate), and before anything of this process writes, so every read sees what this
   * process wrote before it; another process's commit (`serve keys create`) shows from the next
   * turn on. A snapshot never outlives its turn, so it never holds back a checkpoint.
   */
  private read<T>(sql: string, work: (statement: Database.Statement) => T): Promise<T> {
    outsideTransaction('a query');
    // async, so that a refusal or a failing statement rejects instead of throwing where it is called.
    const inSnapshot = async () => {
      const statement = prepared(this.conn, sql);
      // A write in the shared snapshot would commit only at the turn's end, or fail if another process wrote meanwhile.
      if (!statement.readonly) throw new Error('a statement that writes was sent as a read (all or get): use run');
      if (!this.reading) {
        this.conn.exec('BEGIN');
        this.reading = true;
        setImmediate(() => this.endReading());
      }
      return work(statement);
    };
    // A read runs synchronously, so with nothing queued it runs at once: nothing can come between.
    return this.queued === 0 ? inSnapshot() : this.exclusive(inSnapshot);
  }

  /** Ends the turn's shared read transaction, if one is open; called before any write. */
  private endReading(): void {
    if (!this.reading) return;
    this.reading = false;
    // A failed read may have rolled the transaction back already.
    if (this.conn.inTransaction) this.conn.exec('COMMIT');
  }

  override all<T>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    return this.read(sql, (statement) => statement.all(...params) as T[]);
  }
  override get<T>(sql: string, params: readonly Param[] = []): Promise<T | undefined> {
    return this.read(sql, (statement) => statement.get(...params) as T | undefined);
  }
  override run(sql: string, params?: readonly Param[]): Promise<number> {
    outsideTransaction('a statement');
    return this.exclusive(() => {
      this.endReading();
      return super.run(sql, params);
    });
  }

  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    outsideTransaction('a nested transaction');
    return this.exclusive(() =>
      markTransaction(async () => {
        this.endReading();
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
    return this.exclusive(async () => {
      this.endReading();
      this.conn.close();
    });
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
