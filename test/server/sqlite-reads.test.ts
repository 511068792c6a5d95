/**
 * The SQLite store's reads share one read transaction per event-loop turn (store/sqlite.ts). They
 * still see every write of this process at once, another process's commit from the next turn on,
 * and the shared snapshot never outlives its turn (it would hold back checkpoints).
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { createAccount } from '../../src/server/store/accounts.js';
import { openServerDb } from '../../src/server/store/db.js';
import { scalar, type Sql } from '../../src/server/store/sql.js';
import { prepared } from '../../src/sqlite/statements.js';
import { onPostgres } from '../helpers/pg.js';
import { tempDir } from '../helpers/procs.js';

const at = new Date('2026-11-26T10:00:00Z');
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const accounts = (db: Sql) => scalar<number>(db, 'SELECT COUNT(*) FROM accounts');

async function open() {
  const dataDir = tempDir('tokencli-reads-');
  const { db } = await openServerDb({ dataDir }, () => at);
  // Another process's connection to the same file, as `serve keys create` opens one.
  const other = new Database(join(dataDir, 'tokenplan.db'));
  onTestFinished(async () => {
    other.close();
    await db.close();
  });
  return { db, other };
}

describe.skipIf(onPostgres)('SQLite reads', () => {
  test('every read sees what this process wrote before it, within the same turn, and the writes commit at once', async () => {
    const { db, other } = await open();
    const committed = () => prepared(other, 'SELECT COUNT(*) AS n FROM accounts').get();
    expect(await accounts(db)).toBe(0);
    await createAccount(db, 'written-alone', at);
    expect(committed()).toEqual({ n: 1 });
    expect(await accounts(db)).toBe(1);
    await db.transaction((tx) => createAccount(tx, 'written-in-a-transaction', at));
    expect(committed()).toEqual({ n: 2 });
    expect(await accounts(db)).toBe(2);
  });

  test("another connection's commit shows from the next turn on, and no read is left open past its turn", async () => {
    const { db, other } = await open();
    expect(await accounts(db)).toBe(0);
    prepared(other, "INSERT INTO accounts (id, name, currency, created_at) VALUES ('acct_other', 'other', 'CNY', '2026-11-26T10:00:00Z')").run();
    await nextTurn();
    expect(await accounts(db)).toBe(1);
    await nextTurn();
    // A truncating checkpoint waits for every reader: it completes only if none is left open.
    expect(prepared(other, 'PRAGMA wal_checkpoint(TRUNCATE)').get()).toEqual({ busy: 0, log: 0, checkpointed: 0 });
  });

  test('a statement that writes is refused as a read: it would commit only at the end of the turn', async () => {
    const { db } = await open();
    await expect(db.get("INSERT INTO accounts (id, name, currency, created_at) VALUES ('acct_r', 'r', 'CNY', '2026-11-26T10:00:00Z') RETURNING id")).rejects.toThrow(/writes was sent as a read .*use run/);
    expect(await accounts(db)).toBe(0);
  });
});
