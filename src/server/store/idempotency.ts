/**
 * Idempotency records after the IETF `Idempotency-Key` draft (and Stripe): the first result for a
 * key is stored with a hash of the request; the same key and body replays it, another body is 422,
 * and a key whose first request is still running is 409.
 */
import type { Sql } from './sql.js';

/** Keys are kept at least this long. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 3600_000;
/** An in-progress record whose owner died is taken over after this. */
const LOCK_MS = 60_000;

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'replay'; status: number; body: string }
  | { kind: 'in_progress' }
  | { kind: 'mismatch' };

interface RecordRow {
  request_hash: string;
  state: 'in_progress' | 'done';
  response_status: number | null;
  response_body: string | null;
  locked_until: string;
}

/**
 * Claims a key for a new request, or says what to answer instead. Run in a transaction: the account
 * lock makes the look-up and the insert one step, so the same key sent to two replicas at once is
 * claimed by one of them and the other sees it in progress (the primary key is the backstop).
 */
export async function claimKey(tx: Sql, accountId: string, key: string, requestHash: string, now: Date): Promise<Claim> {
  const iso = now.toISOString();
  await tx.lockAccount(accountId);
  await tx.run('DELETE FROM idempotency_records WHERE created_at < ?', [new Date(now.getTime() - IDEMPOTENCY_RETENTION_MS).toISOString()]);
  const row = await tx.get<RecordRow>('SELECT request_hash, state, response_status, response_body, locked_until FROM idempotency_records WHERE account_id = ? AND key = ?', [accountId, key]);
  const lockedUntil = new Date(now.getTime() + LOCK_MS).toISOString();
  if (!row) {
    await tx.run(
      `INSERT INTO idempotency_records (account_id, key, request_hash, state, created_at, locked_until)
       VALUES (?, ?, ?, 'in_progress', ?, ?)`,
      [accountId, key, requestHash, iso, lockedUntil],
    );
    return { kind: 'claimed' };
  }
  if (row.request_hash !== requestHash) return { kind: 'mismatch' };
  if (row.state === 'done') return { kind: 'replay', status: row.response_status ?? 500, body: row.response_body ?? '' };
  if (row.locked_until > iso) return { kind: 'in_progress' };
  await tx.run('UPDATE idempotency_records SET locked_until = ? WHERE account_id = ? AND key = ?', [lockedUntil, accountId, key]);
  return { kind: 'claimed' };
}

export async function completeKey(tx: Sql, accountId: string, key: string, status: number, body: string): Promise<void> {
  await tx.run(`UPDATE idempotency_records SET state = 'done', response_status = ?, response_body = ? WHERE account_id = ? AND key = ?`, [status, body, accountId, key]);
}

/** Frees a key whose request failed before producing a result worth replaying (a 5xx). */
export async function releaseKey(db: Sql, accountId: string, key: string): Promise<void> {
  await db.run(`DELETE FROM idempotency_records WHERE account_id = ? AND key = ? AND state = 'in_progress'`, [accountId, key]);
}
