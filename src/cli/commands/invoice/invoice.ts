/** `tokencli invoice`: invoices (发票) for a month's or an order's charges; one file per verb. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { invoiceListCommand } from './list.js';
import { invoiceRequestCommand } from './request.js';

export function invoiceCommand(ctx: Context): Command {
  return new Command('invoice')
    .description('Invoices (发票) for the charges of a month or an order: ask for one, list them')
    .addCommand(invoiceRequestCommand(ctx))
    .addCommand(invoiceListCommand(ctx));
}
