/**
 * Charges: one row per amount the account is charged, however it was paid (a pack, a subscription's
 * first month, an upgrade, each renewed period), so that a month's statement is a query and its
 * lines always sum to what was charged. Months are calendar months in the carriers' time zone.
 */
import type { Money } from '../../shared/wire.js';
import type { PaymentMethod, Statement, StatementLine } from '../../shared/billing.js';
import { instantOf, localTime } from '../../tokens/zoned.js';
import { newId } from './accounts.js';
import type { Sql } from './sql.js';

/** Statements, and the phone-bill monthly cap, count calendar months here (the plans' zone too). */
export const BILLING_ZONE = 'Asia/Shanghai';

export interface NewCharge {
  accountId: string;
  orderId: string;
  /** Unique per account: recording the same reference again is a no-op (racing renewals). */
  reference: string;
  description: string;
  amount: Money;
  paymentMethod?: PaymentMethod;
  paymentId?: string;
  at: Date;
}

/** How a charge was paid; instant unless a validated phone-bill payment says otherwise. */
export type Paid = Pick<NewCharge, 'paymentMethod' | 'paymentId'>;

/** Records a charge in the caller's transaction; a second charge with the same reference is ignored. */
export async function recordCharge(db: Sql, c: NewCharge): Promise<void> {
  await db.run(
    `INSERT INTO charges (id, account_id, order_id, reference, description, amount_minor, currency, payment_method, payment_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (account_id, reference) DO NOTHING`,
    [newId('chg'), c.accountId, c.orderId, c.reference, c.description, c.amount.amount_minor, c.amount.currency, c.paymentMethod ?? 'instant', c.paymentId ?? null, c.at.toISOString()],
  );
}

/** The instants a `YYYY-MM` month starts and ends at in the billing zone. */
export function monthBounds(month: string): { start: Date; end: Date } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return { start: new Date(instantOf(year, m, 1, 0, 0, 0, 0, BILLING_ZONE)), end: new Date(instantOf(year, m + 1, 1, 0, 0, 0, 0, BILLING_ZONE)) };
}

/** The `YYYY-MM` month holding an instant, in the billing zone. */
export function monthOf(t: Date): string {
  const l = localTime(t.getTime(), BILLING_ZONE);
  return `${l.year}-${String(l.month).padStart(2, '0')}`;
}

interface ChargeRow {
  id: string;
  created_at: string;
  description: string;
  amount_minor: number;
  currency: string;
  payment_method: PaymentMethod;
  order_id: string;
  invoice_id: string | null;
}

const toLine = (r: ChargeRow): StatementLine => ({
  id: r.id,
  date: r.created_at,
  description: r.description,
  amount: { amount_minor: r.amount_minor, currency: r.currency },
  payment_method: r.payment_method,
  order_id: r.order_id,
  invoice_id: r.invoice_id,
});

/** The account's charges in [start, end), oldest first. */
export async function chargesBetween(db: Sql, accountId: string, start: Date, end: Date): Promise<StatementLine[]> {
  const rows = await db.all<ChargeRow>('SELECT * FROM charges WHERE account_id = ? AND created_at >= ? AND created_at < ? ORDER BY created_at, rowid', [accountId, start.toISOString(), end.toISOString()]);
  return rows.map(toLine);
}

export async function chargesOfOrder(db: Sql, accountId: string, orderId: string): Promise<StatementLine[]> {
  return (await db.all<ChargeRow>('SELECT * FROM charges WHERE account_id = ? AND order_id = ? ORDER BY created_at, rowid', [accountId, orderId])).map(toLine);
}

const sum = (lines: StatementLine[], currency: string): Money => ({ amount_minor: lines.reduce((t, l) => t + l.amount.amount_minor, 0), currency });

export async function statement(db: Sql, accountId: string, currency: string, month: string): Promise<Statement> {
  const { start, end } = monthBounds(month);
  const lines = await chargesBetween(db, accountId, start, end);
  return {
    object: 'statement',
    month,
    time_zone: BILLING_ZONE,
    period_start: start.toISOString(),
    period_end: end.toISOString(),
    lines,
    total: sum(lines, currency),
    totals_by_method: {
      instant: sum(lines.filter((l) => l.payment_method === 'instant'), currency),
      phone_bill: sum(lines.filter((l) => l.payment_method === 'phone_bill'), currency),
    },
  };
}
