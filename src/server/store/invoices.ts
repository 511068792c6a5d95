/**
 * Invoices (发票) asked for against the account's charges: for a month or for one order, covering
 * the charges no earlier invoice covers, so no amount is invoiced twice. An invoice counts as issued
 * from its `issue_at` (the request time plus `serve --invoice-delay`), computed when read, so the
 * demo needs no background job.
 */
import type { Invoice, InvoiceRequest } from '../../shared/billing.js';
import { newId } from './accounts.js';
import { monthBounds } from './charges.js';
import type { Sql } from './sql.js';

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
function uninvoiced(db: Sql, accountId: string, r: InvoiceRequest): Promise<{ id: string; amount_minor: number }[]> {
  if (r.month !== undefined) {
    const { start, end } = monthBounds(r.month);
    return db.all('SELECT id, amount_minor FROM charges WHERE account_id = ? AND invoice_id IS NULL AND created_at >= ? AND created_at < ? ORDER BY created_at, rowid', [accountId, start.toISOString(), end.toISOString()]);
  }
  return db.all('SELECT id, amount_minor FROM charges WHERE account_id = ? AND invoice_id IS NULL AND order_id = ? ORDER BY created_at, rowid', [accountId, r.order_id ?? null]);
}

export const orderExists = async (db: Sql, accountId: string, orderId: string) =>
  (await db.get('SELECT 1 FROM charges WHERE account_id = ? AND order_id = ? LIMIT 1', [accountId, orderId])) !== undefined;

/**
 * Records an invoice over the request's uninvoiced charges, in the caller's transaction (which takes
 * the account's lock, so two requests cannot invoice the same charge); undefined when there are none.
 */
export async function requestInvoice(tx: Sql, accountId: string, currency: string, r: InvoiceRequest, delayMs: number, now: Date): Promise<Invoice | undefined> {
  await tx.lockAccount(accountId);
  const charges = await uninvoiced(tx, accountId, r);
  if (charges.length === 0) return undefined;
  const id = newId('inv');
  await tx.run('INSERT INTO invoices (id, account_id, title, tax_id, month, order_id, amount_minor, currency, requested_at, issue_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
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
  ]);
  for (const c of charges) await tx.run('UPDATE charges SET invoice_id = ? WHERE id = ?', [id, c.id]);
  return (await listInvoices(tx, accountId, now)).find((i) => i.id === id);
}

async function toInvoice(db: Sql, r: InvoiceRow, now: Date): Promise<Invoice> {
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
    line_ids: (await db.all<{ id: string }>('SELECT id FROM charges WHERE invoice_id = ? ORDER BY created_at, rowid', [r.id])).map((c) => c.id),
    // The demo's invoice number: the issue date and the invoice's own id, unique and stable.
    number: issued ? `${r.issue_at.slice(0, 10).replaceAll('-', '')}${r.id.slice(-8).toUpperCase()}` : null,
    requested_at: r.requested_at,
    issued_at: issued ? r.issue_at : null,
  };
}

/** The account's invoices, newest first. */
export async function listInvoices(db: Sql, accountId: string, now: Date): Promise<Invoice[]> {
  const invoices: Invoice[] = [];
  for (const r of await db.all<InvoiceRow>('SELECT * FROM invoices WHERE account_id = ? ORDER BY requested_at DESC, rowid DESC', [accountId])) invoices.push(await toInvoice(db, r, now));
  return invoices;
}
