/** The options every invoice verb takes, and an invoice as a table row. */
import type { TokenClient } from '../../../client/client.js';
import type { Invoice } from '../../../shared/billing.js';
import type { Context } from '../../context.js';
import { formatMoney, relativeTime } from '../../io/format.js';
import type { Column } from '../../io/table.js';

export interface InvoiceCommon {
  io: Context['io'];
  client: () => Promise<TokenClient>;
  json: boolean;
  quiet: boolean;
  now: () => Date;
}

export const invoiceCommon = (ctx: Context): InvoiceCommon => ({ io: ctx.io, client: () => ctx.client({ requireKey: true }), json: ctx.globals.json, quiet: ctx.globals.quiet, now: ctx.now });

export const invoiceColumns = (now: Date): Column<Invoice>[] => [
  { key: 'id', title: 'invoice', human: (i) => i.id, raw: (i) => i.id },
  { key: 'status', title: 'status', human: (i) => i.status, raw: (i) => i.status },
  { key: 'covers', title: 'for', human: (i) => i.month ?? i.order_id ?? '', raw: (i) => i.month ?? i.order_id },
  { key: 'amount_minor', title: 'amount', human: (i) => formatMoney(i.amount), raw: (i) => i.amount.amount_minor },
  { key: 'currency', title: '', human: () => '', raw: (i) => i.amount.currency, pipedOnly: true },
  { key: 'title', title: 'title', human: (i) => i.title, raw: (i) => i.title, drop: 2 },
  { key: 'tax_id', title: 'tax id', human: (i) => i.tax_id, raw: (i) => i.tax_id, drop: 1 },
  { key: 'number', title: 'number', human: (i) => i.number ?? '-', raw: (i) => i.number, drop: 1 },
  { key: 'requested_at', title: 'requested', human: (i) => relativeTime(i.requested_at, now), raw: (i) => i.requested_at },
];
