/**
 * Paying for an order by phone bill from `plan purchase` and `plan subscribe`: the order is prepared
 * as a payment whose code the server texts to the account's phone. On a terminal the code is asked
 * for here (again after a wrong one) and the order completes; with --no-wait the pending payment
 * is printed for `tokencli payment confirm`.
 */
import { randomUUID } from 'node:crypto';
import { type Command, Option } from 'commander';
import type { TokenClient } from '../../../client/client.js';
import type { PhoneBillOrder } from '../../../client/resources/payments.js';
import type { Payment } from '../../../shared/billing.js';
import { UsageError } from '../../errors.js';
import { note } from '../../io/messages.js';
import type { Prompter } from '../../io/prompter.js';
import type { IOStreams } from '../../io/streams.js';
import { printJson } from '../../io/json.js';
import { chargeLine, explained, printPayment, promptForCode } from './shared.js';

export const PAY_METHODS = ['instant', 'phone-bill'] as const;
export type PayMethod = (typeof PAY_METHODS)[number];

/** Adds `--pay` and `--no-wait`, the same on every verb that charges. */
export function addPayOptions(cmd: Command, what: string): Command {
  return cmd
    .addOption(new Option('--pay <method>', `instant, or phone-bill: charged to the account's phone bill once the SMS code is entered`).choices(PAY_METHODS).default('instant'))
    .addOption(new Option('--no-wait', `with --pay phone-bill: print the pending payment instead of asking for the code; \`tokencli payment confirm\` completes the ${what}`));
}

/**
 * The flag combinations that cannot work, refused before anything is sent. By phone bill the SMS
 * code is the buyer's consent, so there is no y/N question, but the code needs a terminal.
 */
export function checkPayFlags(io: IOStreams, pay: PayMethod, wait: boolean): void {
  if (pay === 'instant' && !wait) throw new UsageError('--no-wait goes with --pay phone-bill: an instant payment has nothing to wait for');
  if (pay === 'phone-bill' && wait && !io.canPrompt()) {
    throw new UsageError('a phone-bill payment needs the SMS code and there is no terminal to ask', 'pass --no-wait, then `tokencli payment confirm ID --code CODE`');
  }
}

export interface PhoneBillPayment {
  io: IOStreams;
  prompter: Prompter;
  client: TokenClient;
  order: PhoneBillOrder;
  /** False with --no-wait. */
  wait: boolean;
  json: boolean;
  now: () => Date;
}

/** The succeeded payment, or undefined when it was printed and left waiting for `payment confirm` (--no-wait). */
export async function payByPhoneBill(o: PhoneBillPayment): Promise<Payment | undefined> {
  const stop = o.io.spinner('Sending the SMS code').stop;
  // One key for this payment, reused by every retry: the server answers the same payment and texts no second code.
  const pending = await explained(o.client.payments.prepare(o.order, randomUUID())).finally(stop);
  if (!o.wait) {
    if (o.json) printJson(o.io, pending);
    else printPayment(o.io, pending, o.now());
    note(o.io, false, `${chargeLine(pending)}\nconfirm with: tokencli payment confirm ${pending.id} --code CODE`);
    return undefined;
  }
  note(o.io, false, chargeLine(pending));
  try {
    return await promptForCode({ io: o.io, prompter: o.prompter, client: o.client, payment: pending });
  } catch (e) {
    // Ctrl-C at the code prompt: cancel at once rather than leave a payment reserving part of the cap until it expires.
    if (e instanceof Error && e.name === 'ExitPromptError') await o.client.payments.cancel(pending.id).catch(() => undefined);
    throw e;
  }
}
