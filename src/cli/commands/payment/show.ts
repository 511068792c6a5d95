/** `tokencli payment show ID`: a phone-bill payment as it is now. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { printJson } from '../../io/json.js';
import { explained, paymentCommon, printPayment, type PaymentCommon } from './shared.js';

export interface PaymentShowOptions extends PaymentCommon {
  id: string;
}

export function paymentShowCommand(ctx: Context, runF = paymentShowRun): Command {
  return new Command('show')
    .description('Show a phone-bill payment: status, amount, bill line, attempts and cap left')
    .argument('<id>', 'payment id (pay_…)')
    .addHelpText('after', '\nExamples:\n  $ tokencli payment show pay_Q8Tm7WNoapGsIxTtyfom\n  $ tokencli payment show pay_Q8Tm7WNoapGsIxTtyfom --json')
    .action((id: string) => runF({ ...paymentCommon(ctx), id }));
}

export async function paymentShowRun(opts: PaymentShowOptions): Promise<void> {
  const payment = await explained((await opts.client()).payments.get(opts.id), opts.id);
  if (opts.json) return printJson(opts.io, payment);
  printPayment(opts.io, payment, opts.now());
}
