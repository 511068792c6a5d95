/**
 * Hold-then-settle over the packs or a subscription's windows, the way a card authorisation works. The
 * writers run inside the caller's transaction after it took the account's lock (store/sql.ts), so
 * admission checks and inserts the hold atomically, and settlements of one account (on any replica)
 * debit its packs one after the other: no pack goes negative (its CHECK constraint is the backstop).
 * A hold is also a lease that its running request renews: see leases.ts.
 */
import type { Balance, BillingRates } from '../../shared/wire.js';
import { newId } from './accounts.js';
import type { Sql } from './sql.js';
import { recordWindowUsage } from './windows.js';

export interface Availability {
  /** Tokens in unexpired packs. */
  remaining: number;
  /** Tokens reserved by requests still running on the packs (a subscription's holds are its windows'). */
  held: number;
  /** Tokens owed from an earlier over-run; no new hold is granted while this is above zero. */
  owed: number;
  /** What a new hold may take: remaining − held − owed, never below zero. */
  available: number;
}

/** What active holds take from packs (a plan's holds draw on its quota instead); parameters: account id, now. */
const HELD_FROM_PACKS = `(SELECT COALESCE(SUM(tokens), 0) FROM holds WHERE account_id = ? AND status = 'active' AND expires_at > ? AND subscription_id IS NULL)`;

export async function availability(db: Sql, accountId: string, now: Date): Promise<Availability> {
  const iso = now.toISOString();
  // One statement, so one round trip to a remote database and one snapshot of the three.
  const { remaining, held, owed } = (await db.get<Omit<Availability, 'available'>>(
    `SELECT (SELECT COALESCE(SUM(tokens_remaining), 0) FROM packs WHERE account_id = ? AND expires_at > ?) AS remaining,
            ${HELD_FROM_PACKS} AS held,
            (SELECT debt_tokens FROM accounts WHERE id = ?) AS owed`,
    [accountId, iso, accountId, iso, accountId],
  ))!;
  return { remaining, held, owed, available: Math.max(0, remaining - held - owed) };
}

/** What a hold needs to be settled without its request: see store/leases.ts. */
export interface HoldSubject {
  requestId: string;
  /** The client's Idempotency-Key for this request, when it sent one. */
  runId: string | null;
  model: string;
  promptTokens: number;
  /** The model's rates times the time-of-day multiplier in force at admission. */
  rates: BillingRates;
  multiplierMilli: number;
  /** The subscription whose windows fund this request; null when the packs do. */
  subscriptionId: string | null;
}

/** Inserts the hold of a request run by `owner` (the replica, see leases.ts); in the caller's transaction. */
export async function insertHold(tx: Sql, accountId: string, tokens: number, subject: HoldSubject, now: Date, ttlMs: number, owner: string): Promise<string> {
  const id = newId('hold');
  await tx.run(
    `INSERT INTO holds (id, account_id, tokens, status, created_at, expires_at, request_id, run_id, model, prompt_tokens, input_multiplier_milli, output_multiplier_milli, multiplier_milli, subscription_id, owner)
     VALUES (?, ?, ?, 'active', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id,
    accountId,
    tokens,
    now.toISOString(),
    new Date(now.getTime() + ttlMs).toISOString(),
    subject.requestId,
    subject.runId,
    subject.model,
    subject.promptTokens,
    subject.rates.input_multiplier_milli,
    subject.rates.output_multiplier_milli,
    subject.multiplierMilli,
    subject.subscriptionId,
    owner],
  );
  return id;
}

export interface Settlement {
  requestId: string;
  runId: string | null;
  accountId: string;
  holdId: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  billedTokens: number;
  status: 'completed' | 'aborted' | 'failed';
}

/**
 * Counts the billed tokens against the hold's subscription windows, or debits them from unexpired
 * packs, soonest expiry first, one ledger row per pack; whatever the packs cannot cover becomes the
 * account's debt, so no pack ever goes negative. Releases the hold. Settling a hold twice (its
 * request and another replica's sweep, say) is a no-op that returns false. In the caller's
 * transaction, which holds the account's lock.
 */
export async function settleHold(tx: Sql, s: Settlement, now: Date): Promise<boolean> {
  const iso = now.toISOString();
  const released = await tx.run(`UPDATE holds SET status = 'settled' WHERE id = ? AND status != 'settled'`, [s.holdId]);
  if (released === 0) return false;
  const hold = (await tx.get<{ subscription_id: string | null; multiplier_milli: number }>('SELECT subscription_id, multiplier_milli FROM holds WHERE id = ?', [s.holdId]))!;
  await tx.run(
    `INSERT INTO chat_requests (id, account_id, run_id, model, prompt_tokens, completion_tokens, billed_tokens, status, created_at, subscription_id, multiplier_milli)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [s.requestId, s.accountId, s.runId, s.model, s.promptTokens, s.completionTokens, s.billedTokens, s.status, iso, hold.subscription_id, hold.multiplier_milli],
  );
  if (hold.subscription_id !== null) {
    // A request that cost nothing (it failed before producing anything) does not count as one either.
    await recordWindowUsage(tx, hold.subscription_id, s.requestId, s.billedTokens, s.billedTokens > 0 ? 1 : 0, now);
    return true;
  }
  const packs = await tx.all<{ id: string; tokens_remaining: number }>(
    `SELECT id, tokens_remaining FROM packs
     WHERE account_id = ? AND expires_at > ? AND tokens_remaining > 0
     ORDER BY expires_at, created_at, id`,
    [s.accountId, iso],
  );
  const entry = (packId: string | null, kind: string, tokens: number) =>
    tx.run('INSERT INTO ledger_entries (account_id, pack_id, kind, tokens, reference, created_at) VALUES (?, ?, ?, ?, ?, ?)', [s.accountId, packId, kind, tokens, s.requestId, iso]);
  let left = s.billedTokens;
  for (const pack of packs) {
    if (left === 0) break;
    const take = Math.min(left, pack.tokens_remaining);
    await tx.run('UPDATE packs SET tokens_remaining = tokens_remaining - ? WHERE id = ?', [take, pack.id]);
    await entry(pack.id, 'debit', -take);
    left -= take;
  }
  if (left > 0) {
    await tx.run('UPDATE accounts SET debt_tokens = debt_tokens + ? WHERE id = ?', [left, s.accountId]);
    await entry(null, 'debt', -left);
  }
  return true;
}

/**
 * The balance in one statement, so one round trip and one snapshot, like availability(): every pack
 * (expired ones too, flagged), with what is held and owed repeated on each row. The account row
 * drives the join, so an account without packs still gets one row (its pack columns null).
 * `tokens_remaining` is availability's `remaining` (unexpired packs), summed here from the same rows.
 */
export async function balanceOf(db: Sql, accountId: string, now: Date): Promise<Balance> {
  const iso = now.toISOString();
  const rows = await db.all<{ held: number; owed: number; id: string | null; plan_id: string; tokens_total: number; tokens_remaining: number; expires_at: string }>(
    `SELECT ${HELD_FROM_PACKS} AS held,
            a.debt_tokens AS owed, p.id, p.plan_id, p.tokens_total, p.tokens_remaining, p.expires_at
     FROM accounts a LEFT JOIN packs p ON p.account_id = a.id
     WHERE a.id = ? ORDER BY p.expires_at, p.created_at, p.id`,
    [accountId, iso, accountId],
  );
  let remaining = 0;
  const packs: Balance['packs'] = [];
  for (const { id, plan_id, tokens_total, tokens_remaining, expires_at } of rows) {
    if (id === null) continue;
    const expired = expires_at <= iso;
    if (!expired) remaining += tokens_remaining;
    packs.push({ id, plan_id, tokens_total, tokens_remaining, expires_at, expired });
  }
  return { tokens_remaining: remaining, tokens_held: rows[0]?.held ?? 0, tokens_owed: rows[0]?.owed ?? 0, packs, as_of: iso };
}
