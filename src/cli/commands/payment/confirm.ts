/**
 * `tokencli payment confirm ID [--code CODE]`: validate a phone-bill payment with its SMS code, after
 * `plan purchase --pay phone-bill --no-wait`. Without --code, a terminal is asked (again after a
 * wrong code); a script must pass --code.
 */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { localStateOf, rememberAfterOrder, type LocalState } from '../../after-order.js';
import type { Payment } from '../../../shared/billing.js';
import { CliError, Exit, UsageError } from '../../errors.js';
import { formatMoney } from '../../io/format.js';
import { success } from '../../io/messages.js';
import { printJson } from '../../io/json.js';
import { CODE, codeDigits, explained, paymentCommon, printPayment, promptForCode, type PaymentCommon } from './shared.js';

export interface PaymentConfirmOptions extends PaymentCommon {
  id: string;
  code?: string;
  /** Where the balance and quota after the order are kept, as every path that completes an order keeps them. */
  local: () => Promise<LocalState>;
}

export function paymentConfirmCommand(ctx: Context, runF = paymentConfirmRun): Command {
  return new Command('confirm')
    .description('Complete a phone-bill payment with the code sent by SMS; the purchase or subscription takes effect now')
    .argument('<id>', 'payment id (pay_…), as `plan purchase --pay phone-bill --no-wait` prints it')
    .option('--code <code>', 'the code from the text message (asked for on a terminal when left out)')
    .addHelpText('after', '\nExamples:\n  $ tokencli payment confirm pay_Q8Tm7WNoapGsIxTtyfom --code 123456\n  $ tokencli payment confirm "$(tokencli plan purchase starter --pay phone-bill --no-wait --yes --json | jq -r .id)"')
    .action((id: string, flags: { code?: string }) => runF({ ...paymentCommon(ctx), local: localStateOf(ctx), id, ...(flags.code !== undefined ? { code: flags.code } : {}) }));
}

export async function paymentConfirmRun(opts: PaymentConfirmOptions): Promise<void> {
  const code = opts.code === undefined ? undefined : codeDigits(opts.code);
  if (code !== undefined && !CODE.test(code)) throw new UsageError(`--code must be the digits of the SMS code, not "${opts.code}"`);
  if (code === undefined && !opts.io.canPrompt()) throw new UsageError('the SMS code is needed and there is no terminal to ask', `pass it: tokencli payment confirm ${opts.id} --code CODE`);
  const client = await opts.client();
  let payment: Payment;
  if (code !== undefined) payment = await explained(client.payments.validate(opts.id, code), opts.id);
  else {
    payment = await explained(client.payments.get(opts.id), opts.id);
    // Only a payment still waiting is worth a question; the others say what became of them.
    if (payment.status !== 'pending_validation' && payment.status !== 'succeeded') throw new CliError(`the payment is ${payment.status.replace('_', ' ')}: nothing was charged`, Exit.ERROR, 'start a new payment');
    if (payment.status === 'pending_validation') payment = await promptForCode({ io: opts.io, prompter: opts.prompter, client, payment });
  }
  await rememberAfterOrder(await opts.local(), client);
  if (opts.json) return printJson(opts.io, payment);
  printPayment(opts.io, payment, opts.now());
  success(opts.io, opts.quiet, `Paid ${formatMoney(payment.amount)} by phone bill: ${payment.order.type} ${payment.order.id}`);
}
