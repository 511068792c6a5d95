/** `tokencli payment cancel ID`: give up a phone-bill payment before its code is entered; nothing is charged. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { success } from '../../io/messages.js';
import { printJson } from '../../io/json.js';
import { explained, paymentCommon, printPayment, type PaymentCommon } from './shared.js';

export interface PaymentCancelOptions extends PaymentCommon {
  id: string;
}

export function paymentCancelCommand(ctx: Context, runF = paymentCancelRun): Command {
  return new Command('cancel')
    .description('Cancel a phone-bill payment still waiting for its SMS code (nothing is charged); cancelling twice is harmless')
    .argument('<id>', 'payment id (pay_…)')
    .addHelpText('after', '\nExamples:\n  $ tokencli payment cancel pay_Q8Tm7WNoapGsIxTtyfom\n  $ tokencli payment cancel pay_Q8Tm7WNoapGsIxTtyfom --json')
    .action((id: string) => runF({ ...paymentCommon(ctx), id }));
}

export async function paymentCancelRun(opts: PaymentCancelOptions): Promise<void> {
  const payment = await explained((await opts.client()).payments.cancel(opts.id), opts.id);
  if (opts.json) return printJson(opts.io, payment);
  printPayment(opts.io, payment, opts.now());
  success(opts.io, opts.quiet, `Cancelled ${payment.id}: nothing was charged`);
}
