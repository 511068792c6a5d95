/** `tokencli invoice list`: the account's invoices, newest first, with their status. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { note } from '../../io/messages.js';
import { printTable } from '../../io/table.js';
import { printJson } from '../../io/json.js';
import { invoiceColumns, invoiceCommon, type InvoiceCommon } from './shared.js';

export function invoiceListCommand(ctx: Context, runF = invoiceListRun): Command {
  return new Command('list')
    .description('The invoices asked for, newest first: requested or issued, with their number once issued')
    .addHelpText('after', '\nExamples:\n  $ tokencli invoice list\n  $ tokencli invoice list --json')
    .action(() => runF(invoiceCommon(ctx)));
}

export async function invoiceListRun(opts: InvoiceCommon): Promise<void> {
  const invoices = await (await opts.client()).invoices.list();
  if (opts.json) return printJson(opts.io, invoices);
  if (invoices.data.length === 0) return note(opts.io, false, 'no invoices yet: ask for one with `tokencli invoice request`');
  printTable(opts.io, invoiceColumns(opts.now()), invoices.data);
}
