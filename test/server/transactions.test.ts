/**
 * The store's guard against a statement sent on the pool handle from inside a transaction (sql.ts):
 * it refuses whenever a transaction of the same async context is open, however many transactions
 * came and went before (its async-context tracking is switched off between transactions).
 */
import { expect, onTestFinished, test } from 'vitest';
import { openServerDb, type Db } from '../../src/server/store/db.js';
import { freshTarget } from '../helpers/app.js';

async function openDb(): Promise<Db> {
  const { db } = await openServerDb(await freshTarget(), () => new Date('2026-11-26T10:00:00Z'));
  onTestFinished(() => db.close());
  return db;
}

const refused = /a query on the database handle inside a transaction: use the transaction's handle/;

test('a query on the pool inside a transaction is refused, in the first transaction and in every later one', async () => {
  const db = await openDb();
  for (let i = 0; i < 3; i++) {
    await expect(db.transaction(async (tx) => {
      await tx.get('SELECT 1 AS one');
      return db.get('SELECT 1 AS one');
    })).rejects.toThrow(refused);
    // Between transactions the pool answers.
    expect(await db.get('SELECT 1 AS one')).toEqual({ one: 1 });
  }
});

test('transactions that overlap: the guard holds in the one still open after the other ended', async () => {
  const db = await openDb();
  const latch = () => {
    let open!: () => void;
    return { wait: new Promise<void>((r) => (open = r)), open: () => open() };
  };
  const [secondBegan, firstEnded] = [latch(), latch()];
  // On PostgreSQL both are open at once; SQLite runs one after the other, so there the second begins after the first ended.
  const first = db.transaction(async (tx) => {
    if (db.dialect === 'postgres') await secondBegan.wait;
    return tx.get('SELECT 1 AS one');
  });
  const second = db.transaction(async () => {
    secondBegan.open();
    await firstEnded.wait;
    return db.get('SELECT 1 AS one');
  });
  await first;
  firstEnded.open();
  await expect(second).rejects.toThrow(refused);
  expect(await db.get('SELECT 1 AS one')).toEqual({ one: 1 });
});
