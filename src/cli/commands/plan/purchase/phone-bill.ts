/**
 * `plan purchase --pay phone-bill`: the purchase is prepared as a payment whose code the server texts
 * to the account's phone. On a terminal the code is asked for here (again after a wrong one) and the
 * purchase completes; with --no-wait the payment is printed for `tokencli payment confirm`.
 */
import { randomUUID } from 'node:crypto';
import type { TokenClient } from '../../../../client/client.js';
import type { Payment } from '../../../../shared/billing.js';
import type { Purchase } from '../../../../shared/wire.js';
import { CliError } from '../../../errors.js';
import { note } from '../../../io/messages.js';
import type { Prompter } from '../../../io/prompter.js';
import type { IOStreams } from '../../../io/streams.js';
import { printJson } from '../../../io/table.js';
import { chargeLine, explained, printPayment, promptForCode } from '../../payment/shared.js';

export interface PhoneBillPurchase {
  io: IOStreams;
  prompter: Prompter;
  client: TokenClient;
  planId: string;
  quantity: number;
  /** False with --no-wait: print the pending payment and leave the code to `payment confirm`. */
  wait: boolean;
  json: boolean;
  now: () => Date;
}

/** The purchase and the payment that made it, or undefined when the payment was left waiting (--no-wait). */
export async function payByPhoneBill(o: PhoneBillPurchase): Promise<{ purchase: Purchase; payment: Payment } | undefined> {
  const stop = o.io.spinner('Sending the SMS code').stop;
  // One key for this payment, reused by every retry: the server answers the same payment and texts no second code.
  const pending = await explained(o.client.payments.prepare({ type: 'purchase', plan_id: o.planId, quantity: o.quantity }, randomUUID())).finally(stop);
  if (!o.wait) {
    if (o.json) printJson(o.io, pending);
    else printPayment(o.io, pending, o.now());
    note(o.io, false, `${chargeLine(pending)}\nconfirm with: tokencli payment confirm ${pending.id} --code CODE`);
    return undefined;
  }
  note(o.io, false, chargeLine(pending));
  let payment: Payment;
  try {
    payment = await promptForCode({ io: o.io, prompter: o.prompter, client: o.client, payment: pending });
  } catch (e) {
    // Ctrl-C at the code prompt: cancel at once rather than leave a payment reserving part of the cap until it expires.
    if (e instanceof Error && e.name === 'ExitPromptError') await o.client.payments.cancel(pending.id).catch(() => undefined);
    throw e;
  }
  const purchase = (await o.client.purchases.list()).data.find((p) => p.id === payment.order.id);
  if (!purchase) throw new CliError(`payment ${payment.id} succeeded but its purchase ${payment.order.id} is not listed`, undefined, 'see `tokencli payment show` and `tokencli balance`');
  return { purchase, payment };
}
