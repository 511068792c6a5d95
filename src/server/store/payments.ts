/**
 * Phone-bill payments after CAMARA's carrier billing: prepared with the SMS code's hash, validated by
 * the code within a bounded number of attempts and a time limit, or cancelled. The order they carry
 * (a pack or a subscription) is carried out by the caller when validation succeeds, in the same
 * transaction. Reads expire an overdue payment on the way, so no timer is needed.
 */
import type { Money } from '../../shared/wire.js';
import type { Payment, PaymentStatus } from '../../shared/billing.js';
import { codeMatches, hashCode } from '../one-time-code.js';
import { maskPhone } from '../phone.js';
import { newId } from './accounts.js';
import { monthBounds, monthOf } from './charges.js';
import { scalar, type Sql } from './sql.js';

export interface PhoneBillOptions {
  /** How long a payment waits for its code before it expires. */
  ttlMs: number;
  /** Phone-bill charges allowed per account and calendar month, in minor units of its currency. */
  monthlyCapMinor: number;
  /** Wrong codes allowed before the payment is denied. */
  maxAttempts: number;
  /** The least time between two codes sent for one payment. */
  resendIntervalMs: number;
  /** Codes sent for one payment at most, the first included. */
  maxCodes: number;
}

export const DEFAULT_PHONE_BILL: PhoneBillOptions = { ttlMs: 5 * 60_000, monthlyCapMinor: 50_000, maxAttempts: 3, resendIntervalMs: 30_000, maxCodes: 5 };

interface PaymentRow {
  id: string;
  account_id: string;
  status: PaymentStatus;
  order_type: 'purchase' | 'subscription';
  plan_id: string;
  quantity: number;
  order_id: string | null;
  amount_minor: number;
  currency: string;
  description: string;
  phone: string;
  code_hash: Buffer;
  attempts_left: number;
  codes_sent: number;
  code_sent_at: string;
  denial_reason: string | null;
  created_at: string;
  expires_at: string;
  completed_at: string | null;
}

export type PaymentRecord = PaymentRow;

/**
 * What the account has put on its phone bill in the calendar month holding now: charges already
 * made plus payments still waiting for their code, so that two payments prepared at once cannot
 * together pass the cap.
 */
export async function phoneBillUsed(db: Sql, accountId: string, now: Date): Promise<number> {
  const { start, end } = monthBounds(monthOf(now));
  const charged = await scalar<number>(db, `SELECT COALESCE(SUM(amount_minor), 0) FROM charges WHERE account_id = ? AND payment_method = 'phone_bill' AND created_at >= ? AND created_at < ?`, [accountId, start.toISOString(), end.toISOString()]);
  const reserved = await scalar<number>(db, `SELECT COALESCE(SUM(amount_minor), 0) FROM payments WHERE account_id = ? AND status = 'pending_validation' AND expires_at > ?`, [accountId, now.toISOString()]);
  return charged + reserved;
}

/** The id of a subscription payment of the account still waiting for its code, other than `except`. */
export async function pendingSubscriptionPayment(db: Sql, accountId: string, now: Date, except?: string): Promise<string | undefined> {
  return db
    .get<{ id: string }>(`SELECT id FROM payments WHERE account_id = ? AND order_type = 'subscription' AND status = 'pending_validation' AND expires_at > ? AND id <> ? ORDER BY created_at LIMIT 1`, [accountId, now.toISOString(), except ?? ''])
    .then((row) => row?.id);
}

export interface NewPayment {
  accountId: string;
  orderType: PaymentRow['order_type'];
  planId: string;
  quantity: number;
  amount: Money;
  description: string;
  phone: string;
  code: string;
}

/** Prepares a payment waiting for `code`, in the caller's transaction (which has checked the cap). */
export async function createPayment(tx: Sql, p: NewPayment, o: PhoneBillOptions, now: Date): Promise<PaymentRecord> {
  const id = newId('pay');
  const iso = now.toISOString();
  await tx.run(
    `INSERT INTO payments (id, account_id, status, order_type, plan_id, quantity, amount_minor, currency, description, phone, code_hash, attempts_left, code_sent_at, created_at, expires_at)
     VALUES (?, ?, 'pending_validation', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, p.accountId, p.orderType, p.planId, p.quantity, p.amount.amount_minor, p.amount.currency, p.description, p.phone, hashCode(p.code, id), o.maxAttempts, iso, iso, new Date(now.getTime() + o.ttlMs).toISOString()],
  );
  return (await findPayment(tx, p.accountId, id, now))!;
}

/** The account's payment, expired first if its time ran out unvalidated. */
export async function findPayment(db: Sql, accountId: string, id: string, now: Date): Promise<PaymentRecord | undefined> {
  await db.run(`UPDATE payments SET status = 'expired', completed_at = expires_at WHERE id = ? AND account_id = ? AND status = 'pending_validation' AND expires_at <= ?`, [id, accountId, now.toISOString()]);
  return db.get<PaymentRow>('SELECT * FROM payments WHERE id = ? AND account_id = ?', [id, accountId]);
}

export type CodeCheck = { kind: 'valid' } | { kind: 'wrong'; attemptsLeft: number };

/** Checks a code against a pending payment, spending an attempt when it is wrong and denying the payment at the last. */
export async function checkCode(tx: Sql, p: PaymentRecord, code: string, now: Date): Promise<CodeCheck> {
  if (codeMatches(code, p.id, p.code_hash)) return { kind: 'valid' };
  const attemptsLeft = p.attempts_left - 1;
  await tx.run('UPDATE payments SET attempts_left = ? WHERE id = ?', [attemptsLeft, p.id]);
  if (attemptsLeft === 0) await finish(tx, p.id, 'denied', now, 'validation_failed');
  return { kind: 'wrong', attemptsLeft };
}

/** Whether a presented code is the payment's, without spending an attempt: for replays of a validation that succeeded. */
export const isPaymentCode = (p: PaymentRecord, code: string) => codeMatches(code, p.id, p.code_hash);

export async function finish(tx: Sql, id: string, status: Exclude<PaymentStatus, 'pending_validation'>, now: Date, denialReason: string | null = null, orderId: string | null = null): Promise<void> {
  await tx.run('UPDATE payments SET status = ?, completed_at = ?, denial_reason = ?, order_id = ? WHERE id = ?', [status, now.toISOString(), denialReason, orderId, id]);
}

/** A new code replaces the old one; the attempts left are not reset, so resending cannot buy guesses. */
export async function replaceCode(tx: Sql, p: PaymentRecord, code: string, now: Date): Promise<void> {
  await tx.run('UPDATE payments SET code_hash = ?, codes_sent = codes_sent + 1, code_sent_at = ? WHERE id = ?', [hashCode(code, p.id), now.toISOString(), p.id]);
}

export async function toWirePayment(db: Sql, p: PaymentRecord, o: PhoneBillOptions, now: Date): Promise<Payment> {
  const used = await phoneBillUsed(db, p.account_id, now);
  const money = (amount_minor: number) => ({ amount_minor, currency: p.currency });
  return {
    id: p.id,
    object: 'payment',
    status: p.status,
    payment_method: 'phone_bill',
    amount: money(p.amount_minor),
    description: p.description,
    phone: maskPhone(p.phone),
    order: { type: p.order_type, plan_id: p.plan_id, quantity: p.quantity, id: p.order_id },
    attempts_remaining: p.status === 'pending_validation' ? p.attempts_left : 0,
    monthly_cap: { limit: money(o.monthlyCapMinor), used: money(used), remaining: money(Math.max(0, o.monthlyCapMinor - used)) },
    denial_reason: p.denial_reason,
    created_at: p.created_at,
    expires_at: p.expires_at,
    completed_at: p.completed_at,
  };
}
