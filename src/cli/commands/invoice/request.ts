/** `tokencli invoice request --month M | --order ID --title T --tax-id X`: ask for an invoice (发票). */
import { Command } from 'commander';
import { INVOICE_TITLE_MAX, isUnifiedSocialCreditCode, MONTH } from '../../../shared/billing.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { formatMoney } from '../../io/format.js';
import { success } from '../../io/messages.js';
import { printTable } from '../../io/table.js';
import { printJson } from '../../io/json.js';
import { invoiceColumns, invoiceCommon, type InvoiceCommon } from './shared.js';

export interface InvoiceRequestOptions extends InvoiceCommon {
  title: string;
  taxId: string;
  month?: string;
  order?: string;
}

export function invoiceRequestCommand(ctx: Context, runF = invoiceRequestRun): Command {
  return new Command('request')
    .description("Ask for an invoice over the charges of a month or of one order that no invoice covers yet")
    .option('--month <YYYY-MM>', "the month's charges (see `tokencli statement`)")
    .option('--order <id>', "one order's charges: a purchase or subscription id, as the statement's order column shows")
    .requiredOption('--title <title>', 'the invoice title (发票抬头): a company or a person')
    .requiredOption('--tax-id <code>', 'the unified social credit code (统一社会信用代码), 18 characters')
    .addHelpText('after', '\nExamples:\n  $ tokencli invoice request --month 2026-11 --title "示例科技有限公司" --tax-id 91350100M000100Y43\n  $ tokencli invoice request --order pur_8qUYwyyCzrSducM8ZCRs --title ACME --tax-id 91350100M000100Y43 --json')
    .action((flags: { month?: string; order?: string; title: string; taxId: string }) => runF({ ...invoiceCommon(ctx), ...flags }));
}

export async function invoiceRequestRun(opts: InvoiceRequestOptions): Promise<void> {
  if ((opts.month === undefined) === (opts.order === undefined)) throw new UsageError('give one of --month and --order');
  if (opts.month !== undefined && !MONTH.test(opts.month)) throw new UsageError(`--month must be a month like 2026-11, not "${opts.month}"`);
  // The server's rule (docs/token-plan-api.yaml), checked here so the flag is named and nothing is sent.
  const title = opts.title.trim();
  if (!title) throw new UsageError('--title must not be empty', 'give the company or person the invoice is made out to');
  if (title.length > INVOICE_TITLE_MAX) throw new UsageError(`--title is ${title.length} characters long; an invoice title has at most ${INVOICE_TITLE_MAX}`);
  const taxId = opts.taxId.trim().toUpperCase();
  // Checked here too, so a typo is caught without a round trip and with a hint.
  if (!isUnifiedSocialCreditCode(taxId)) throw new UsageError(`--tax-id "${opts.taxId}" is not a unified social credit code`, 'it is 18 digits and capital letters, the last a check character: copy it from the business licence');
  const invoice = await (await opts.client()).invoices.request({ title, tax_id: taxId, ...(opts.month ? { month: opts.month } : { order_id: opts.order! }) });
  if (opts.json) return printJson(opts.io, invoice);
  printTable(opts.io, invoiceColumns(opts.now()), [invoice]);
  success(opts.io, opts.quiet, `Invoice ${invoice.id} for ${formatMoney(invoice.amount)} ${invoice.status === 'issued' ? `issued, number ${invoice.number}` : 'requested: `tokencli invoice list` shows when it is issued'}`);
}
