/**
 * The PostgreSQL store, for several replicas sharing one database: a `pg` connection pool, READ
 * COMMITTED transactions made safe by row locks (`lockAccount`, see sql.ts) and the constraints of
 * the schema, and a retry of the whole transaction on a serialization failure or a deadlock.
 * Migrations are applied under an advisory lock, so replicas starting together apply each once.
 */
import pg from 'pg';
import { postgresDdl } from './dialect.js';
import { SERVER_MIGRATIONS } from './migrations.js';
import { markTransaction, outsideTransaction, type Db, type OpenedDb, type Param, type Sql } from './sql.js';

export interface PostgresOptions {
  url: string;
  /** Connections this replica may open. */
  poolSize: number;
  /** How long to wait for a connection, and the longest a statement may run, in ms. */
  timeoutMs: number;
}

/** Any constant of our own: the advisory lock under which migrations run. */
const MIGRATION_LOCK = 7_310_042_018;
/** serialization_failure, deadlock_detected: the transaction may simply be run again. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 8;

/** COUNT(*) is a bigint and SUM(bigint) a numeric: as JS numbers, like SQLite's (amounts stay far below 2^53). */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** `?` placeholders, as written for both dialects, become PostgreSQL's `$1, $2, …`. Our SQL has no `?` in literals. */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

class Statements implements Sql {
  readonly dialect = 'postgres';
  constructor(protected readonly q: pg.Pool | pg.PoolClient) {}
  async all<T>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    return (await this.q.query(numbered(sql), params as Param[])).rows as T[];
  }
  async get<T>(sql: string, params: readonly Param[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
  async run(sql: string, params: readonly Param[] = []): Promise<number> {
    return (await this.q.query(numbered(sql), params as Param[])).rowCount ?? 0;
  }
  async lockAccount(accountId: string): Promise<void> {
    await this.q.query('SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE', [accountId]);
  }
}

class PostgresDb extends Statements implements Db {
  private closing: Promise<void> | undefined;

  constructor(private readonly pool: pg.Pool) {
    super(pool);
  }

  override all<T>(sql: string, params?: readonly Param[]): Promise<T[]> {
    outsideTransaction('a query');
    return super.all<T>(sql, params);
  }
  override run(sql: string, params?: readonly Param[]): Promise<number> {
    outsideTransaction('a statement');
    return super.run(sql, params);
  }

  async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    outsideTransaction('a nested transaction');
    const client = await this.pool.connect();
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await client.query('BEGIN');
          const result = await markTransaction(() => work(new Statements(client)));
          await client.query('COMMIT');
          return result;
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          if (!RETRYABLE.has((e as { code?: string }).code ?? '') || attempt === MAX_ATTEMPTS) throw e;
          // Back off a little, at random, so the transactions that collided do not collide again.
          await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
        }
      }
    } finally {
      client.release();
    }
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  /** Closing twice (a shutdown racing a test's cleanup) closes once. */
  close(): Promise<void> {
    return (this.closing ??= this.pool.end());
  }
}

/** Applies the migrations not yet recorded, each in its own transaction, under the advisory lock. */
async function migrate(pool: pg.Pool, now: () => Date): Promise<boolean> {
  const client = await pool.connect();
  try {
    // Waiting for another replica's migrations, or running a long one, is not a stuck statement.
    await client.query('SET statement_timeout = 0');
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
    const applied = new Set((await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
    let created = false;
    for (const [i, m] of SERVER_MIGRATIONS.entries()) {
      if (applied.has(m.name)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.postgres ?? postgresDdl(m.sql));
        await client.query('INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)', [m.name, now().toISOString()]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${m.name} failed: ${(e as Error).message}`, { cause: e });
      }
      if (i === 0) created = true;
    }
    return created;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await client.query('RESET statement_timeout').catch(() => undefined);
    client.release();
  }
}

export async function openPostgresDb(o: PostgresOptions, now: () => Date): Promise<OpenedDb> {
  const pool = new pg.Pool({
    connectionString: o.url,
    max: o.poolSize,
    connectionTimeoutMillis: o.timeoutMs,
    statement_timeout: o.timeoutMs,
    // Idle connections are not worth keeping past a quiet spell.
    idleTimeoutMillis: 10_000,
    types,
  });
  // A connection that dies while idle in the pool (the database restarted) must not crash the server.
  pool.on('error', (e) => console.error(`database connection lost: ${e.message}`));
  try {
    const created = await migrate(pool, now);
    return { db: new PostgresDb(pool), created };
  } catch (e) {
    await pool.end();
    throw e;
  }
}
