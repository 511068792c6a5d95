/**
 * Invoices (发票) asked for against the account's charges: for a month or for one order, covering
 * the charges no earlier invoice covers, so no amount is invoiced twice. An invoice counts as issued
 * from its `issue_at` (the request time plus `serve --invoice-delay`), computed when read, so the
 * demo needs no background job.
 */
import type { Invoice, InvoiceRequest } from '../../shared/billing.js';
import { prepared } from '../../sqlite/statements.js';
import { newId } from './accounts.js';
import { monthBounds } from './charges.js';
import type { Db } from './db.js';

interface InvoiceRow {
  id: string;
  title: string;
  tax_id: string;
  month: string | null;
  order_id: string | null;
  amount_minor: number;
  currency: string;
  requested_at: string;
  issue_at: string;
}

/** The uninvoiced charges a request would cover. */
function uninvoiced(db: Db, accountId: string, r: InvoiceRequest): { id: string; amount_minor: number }[] {
  if (r.month !== undefined) {
    const { start, end } = monthBounds(r.month);
    return prepared(db, 'SELECT id, amount_minor FROM charges WHERE account_id = ? AND invoice_id IS NULL AND created_at >= ? AND created_at < ? ORDER BY created_at, rowid').all(accountId, start.toISOString(), end.toISOString()) as { id: string; amount_minor: number }[];
  }
  return prepared(db, 'SELECT id, amount_minor FROM charges WHERE account_id = ? AND invoice_id IS NULL AND order_id = ? ORDER BY created_at, rowid').all(accountId, r.order_id) as { id: string; amount_minor: number }[];
}

export const orderExists = (db: Db, accountId: string, orderId: string) =>
  prepared(db, 'SELECT 1 FROM charges WHERE account_id = ? AND order_id = ? LIMIT 1').get(accountId, orderId) !== undefined;

/** Records an invoice over the request's uninvoiced charges, in the caller's transaction; undefined when there are none. */
export function requestInvoice(db: Db, accountId: string, currency: string, r: InvoiceRequest, delayMs: number, now: Date): Invoice | undefined {
  const charges = uninvoiced(db, accountId, r);
  if (charges.length === 0) return undefined;
  const id = newId('inv');
  prepared(db, 'INSERT INTO invoices (id, account_id, title, tax_id, month, order_id, amount_minor, currency, requested_at, issue_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    id,
    accountId,
    r.title,
    r.tax_id,
    r.month ?? null,
    r.order_id ?? null,
    charges.reduce((t, c) => t + c.amount_minor, 0),
    currency,
    now.toISOString(),
    new Date(now.getTime() + delayMs).toISOString(),
  );
  const mark = prepared(db, 'UPDATE charges SET invoice_id = ? WHERE id = ?');
  for (const c of charges) mark.run(id, c.id);
  return listInvoices(db, accountId, now).find((i) => i.id === id);
}

function toInvoice(db: Db, r: InvoiceRow, now: Date): Invoice {
  const issued = r.issue_at <= now.toISOString();
  return {
    id: r.id,
    object: 'invoice',
    status: issued ? 'issued' : 'requested',
    title: r.title,
    tax_id: r.tax_id,
    month: r.month,
    order_id: r.order_id,
    amount: { amount_minor: r.amount_minor, currency: r.currency },
    line_ids: prepared(db, 'SELECT id FROM charges WHERE invoice_id = ? ORDER BY created_at, rowid').pluck().all(r.id) as string[],
    // The demo's invoice number: the issue date and the invoice's own id, unique and stable.
    number: issued ? `${r.issue_at.slice(0, 10).replaceAll('-', '')}${r.id.slice(-8).toUpperCase()}` : null,
    requested_at: r.requested_at,
    issued_at: issued ? r.issue_at : null,
  };
}

/** The account's invoices, newest first. */
export function listInvoices(db: Db, accountId: string, now: Date): Invoice[] {
  const rows = prepared(db, 'SELECT * FROM invoices WHERE account_id = ? ORDER BY requested_at DESC, rowid DESC').all(accountId) as InvoiceRow[];
  return rows.map((r) => toInvoice(db, r, now));
}
