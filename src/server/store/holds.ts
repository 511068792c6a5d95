/**
 * Hold-then-settle over the packs or a subscription's windows, the way a card authorisation works. Each function runs inside
 * the caller's `BEGIN IMMEDIATE` transaction, so admission checks and inserts the hold atomically.
 * A hold is also a lease that its running request renews: see leases.ts.
 */
import type { Balance, BillingRates } from '../../shared/wire.js';
import { newId } from './accounts.js';
import type { Db } from './db.js';
import { prepared } from '../../sqlite/statements.js';
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

export function availability(db: Db, accountId: string, now: Date): Availability {
  const iso = now.toISOString();
  const remaining = prepared(db, 'SELECT COALESCE(SUM(tokens_remaining), 0) FROM packs WHERE account_id = ? AND expires_at > ?')
    .pluck()
    .get(accountId, iso) as number;
  const held = prepared(db, `SELECT COALESCE(SUM(tokens), 0) FROM holds WHERE account_id = ? AND status = 'active' AND expires_at > ? AND subscription_id IS NULL`)
    .pluck()
    .get(accountId, iso) as number;
  const owed = prepared(db, 'SELECT debt_tokens FROM accounts WHERE id = ?').pluck().get(accountId) as number;
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

export function insertHold(db: Db, accountId: string, tokens: number, subject: HoldSubject, now: Date, ttlMs: number): string {
  const id = newId('hold');
  prepared(
    db,
    `INSERT INTO holds (id, account_id, tokens, status, created_at, expires_at, request_id, run_id, model, prompt_tokens, input_multiplier_milli, output_multiplier_milli, multiplier_milli, subscription_id)
     VALUES (?, ?, ?, 'active', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
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
 * account's debt, so no pack ever goes negative. Releases the hold. Settling a hold twice is a no-op
 * that returns false.
 */
export function settleHold(db: Db, s: Settlement, now: Date): boolean {
  const iso = now.toISOString();
  const released = prepared(db, `UPDATE holds SET status = 'settled' WHERE id = ? AND status != 'settled'`).run(s.holdId);
  if (released.changes === 0) return false;
  const hold = prepared(db, 'SELECT subscription_id, multiplier_milli FROM holds WHERE id = ?').get(s.holdId) as { subscription_id: string | null; multiplier_milli: number };
  prepared(db,
    `INSERT INTO chat_requests (id, account_id, run_id, model, prompt_tokens, completion_tokens, billed_tokens, status, created_at, subscription_id, multiplier_milli)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(s.requestId, s.accountId, s.runId, s.model, s.promptTokens, s.completionTokens, s.billedTokens, s.status, iso, hold.subscription_id, hold.multiplier_milli);
  if (hold.subscription_id !== null) {
    // A request that cost nothing (it failed before producing anything) does not count as one either.
    recordWindowUsage(db, hold.subscription_id, s.requestId, s.billedTokens, s.billedTokens > 0 ? 1 : 0, now);
    return true;
  }
  const packs = prepared(db, 
      `SELECT id, tokens_remaining FROM packs
       WHERE account_id = ? AND expires_at > ? AND tokens_remaining > 0
       ORDER BY expires_at, created_at, id`,
    )
    .all(s.accountId, iso) as { id: string; tokens_remaining: number }[];
  const debit = prepared(db, 'UPDATE packs SET tokens_remaining = tokens_remaining - ? WHERE id = ?');
  const entry = prepared(db, 
    'INSERT INTO ledger_entries (account_id, pack_id, kind, tokens, reference, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  let left = s.billedTokens;
  for (const pack of packs) {
    if (left === 0) break;
    const take = Math.min(left, pack.tokens_remaining);
    debit.run(take, pack.id);
    entry.run(s.accountId, pack.id, 'debit', -take, s.requestId, iso);
    left -= take;
  }
  if (left > 0) {
    prepared(db, 'UPDATE accounts SET debt_tokens = debt_tokens + ? WHERE id = ?').run(left, s.accountId);
    entry.run(s.accountId, null, 'debt', -left, s.requestId, iso);
  }
  return true;
}

export function balanceOf(db: Db, accountId: string, now: Date): Balance {
  const iso = now.toISOString();
  const a = availability(db, accountId, now);
  const packs = prepared(db, 
      `SELECT id, plan_id, tokens_total, tokens_remaining, expires_at FROM packs
       WHERE account_id = ? ORDER BY expires_at, created_at, id`,
    )
    .all(accountId) as { id: string; plan_id: string; tokens_total: number; tokens_remaining: number; expires_at: string }[];
  return {
    tokens_remaining: a.remaining,
    tokens_held: a.held,
    tokens_owed: a.owed,
    packs: packs.map((p) => ({ ...p, expired: p.expires_at <= iso })),
    as_of: iso,
  };
}
