/**
 * What the payment verbs and `plan purchase --pay phone-bill` share: the server's payment refusals
 * turned into CLI errors with their exit codes, a payment shown as facts, and the SMS-code prompt
 * that asks again after a wrong code.
 */
import type { TokenClient } from '../../../client/client.js';
import { ApiError } from '../../../client/errors.js';
import type { Payment } from '../../../shared/billing.js';
import type { Context } from '../../context.js';
import { CliError, Exit, QuotaError, UsageError } from '../../errors.js';
import { formatMoney, relativeTime } from '../../io/format.js';
import { note, warn } from '../../io/messages.js';
import type { Prompter } from '../../io/prompter.js';
import type { IOStreams } from '../../io/streams.js';
import { printFacts } from '../../io/table.js';

export interface PaymentCommon {
  io: IOStreams;
  prompter: Prompter;
  client: () => Promise<TokenClient>;
  json: boolean;
  quiet: boolean;
  now: () => Date;
}

export const paymentCommon = (ctx: Context): PaymentCommon => ({
  io: ctx.io,
  prompter: ctx.prompter,
  client: () => ctx.client({ requireKey: true }),
  json: ctx.globals.json,
  quiet: ctx.globals.quiet,
  now: ctx.now,
});

/**
 * The server's refusals of a phone-bill payment as the CLI reports them: a wrong code is bad input
 * (2); a cap reached or a payment denied is money refused (5, as a 402 is); a payment that is over
 * (expired, cancelled) is 1; one that succeeded already is bad input (2). Anything else goes on to
 * errors.ts's general mapping.
 */
export function paymentError(e: unknown, paymentId?: string): unknown {
  if (!(e instanceof ApiError)) return e;
  const confirm = paymentId ? `tokencli payment confirm ${paymentId} --code CODE` : undefined;
  switch (e.code) {
    case 'invalid_code':
      return new UsageError(e.message, confirm ? `check the SMS and run \`${confirm}\` again` : undefined);
    case 'validation_failed':
      return new QuotaError('payment denied: too many wrong codes, nothing was charged', 'start a new payment');
    case 'monthly_cap_exceeded':
      return new QuotaError(`phone-bill cap reached: ${e.message}`, 'pay instantly (leave out --pay phone-bill), or wait for next month');
    case 'phone_required':
      return new UsageError('this account has no phone number to bill', 'pay instantly (leave out --pay phone-bill); the server operator adds one with `tokencli serve keys create --phone`');
    case 'payment_expired':
      return new CliError('the payment expired before its code was entered: nothing was charged', Exit.ERROR, 'start a new payment');
    case 'payment_cancelled':
      return new CliError('the payment was cancelled: nothing was charged', Exit.ERROR, 'start a new payment');
    case 'payment_succeeded':
      return new UsageError('the payment has succeeded already: it was charged, and there is nothing left to confirm or cancel', paymentId ? `see it with \`tokencli payment show ${paymentId}\`` : undefined);
    case 'payment_not_found':
      return new UsageError(e.message, 'payment ids start with pay_, as `plan purchase --pay phone-bill --no-wait` prints them');
    default:
      return e;
  }
}

/** Runs `call`, reporting a payment refusal as paymentError does. */
export async function explained<T>(call: Promise<T>, paymentId?: string): Promise<T> {
  try {
    return await call;
  } catch (e) {
    throw paymentError(e, paymentId);
  }
}

/** What an SMS code looks like; anything else is asked again without spending an attempt. */
export const CODE = /^\d{4,8}$/;

/** The code as typed, less the spaces and dashes a person puts between groups of digits ("058 628", "058-628"). */
export const codeDigits = (typed: string) => typed.replace(/[\s-]/g, '');

/** One line a person reads before typing the code: what is charged, to which phone, and the cap left. */
export const chargeLine = (p: Payment) =>
  `${formatMoney(p.amount)} for "${p.description}" goes on the phone bill of ${p.phone}; ${formatMoney(p.monthly_cap.remaining)} of this month's ${formatMoney(p.monthly_cap.limit)} phone-bill cap left after it`;

export function printPayment(io: IOStreams, p: Payment, now: Date): void {
  printFacts(io, [
    { key: 'id', label: 'payment', human: p.id, raw: p.id },
    { key: 'status', label: 'status', human: p.status.replace('_', ' '), raw: p.status },
    { key: 'amount_minor', label: 'amount', human: formatMoney(p.amount), raw: p.amount.amount_minor },
    { key: 'currency', label: 'currency', human: p.amount.currency, raw: p.amount.currency },
    { key: 'description', label: 'bill line', human: p.description, raw: p.description },
    { key: 'phone', label: 'phone', human: p.phone, raw: p.phone },
    { key: 'order_id', label: p.order.type, human: p.order.id ?? `${p.order.plan_id} (once paid)`, raw: p.order.id },
    // Attempts matter only while a code is awaited: a succeeded payment's "0 left" reads as a failure.
    ...(p.status === 'pending_validation' ? [{ key: 'attempts_remaining', label: 'attempts left', human: String(p.attempts_remaining), raw: p.attempts_remaining }] : []),
    { key: 'cap_remaining_minor', label: 'cap left', human: `${formatMoney(p.monthly_cap.remaining)} of ${formatMoney(p.monthly_cap.limit)}`, raw: p.monthly_cap.remaining.amount_minor },
    { key: 'expires_at', label: 'expires', human: p.status === 'pending_validation' ? relativeTime(p.expires_at, now) : '-', raw: p.expires_at },
  ]);
}

/**
 * Asks for the SMS code on the terminal until the payment succeeds: a wrong code says how many
 * attempts are left and asks again; an empty answer asks the server for a new code. Whatever ends
 * the payment otherwise (denied, expired) is thrown as paymentError reports it.
 */
export async function promptForCode(o: { io: IOStreams; prompter: Prompter; client: TokenClient; payment: Payment }): Promise<Payment> {
  for (;;) {
    const code = codeDigits(await o.prompter.input(`SMS code sent to ${o.payment.phone} (Enter alone sends a new one):`));
    if (code === '') {
      try {
        await o.client.payments.resend(o.payment.id);
        note(o.io, false, `a new code is on its way to ${o.payment.phone}`);
      } catch (e) {
        if (!(e instanceof ApiError) || (e.status !== 429 && e.code !== 'too_many_codes')) throw paymentError(e, o.payment.id);
        warn(o.io, e.message);
      }
      continue;
    }
    if (!CODE.test(code)) {
      warn(o.io, 'the code is the digits in the text message');
      continue;
    }
    try {
      return await o.client.payments.validate(o.payment.id, code);
    } catch (e) {
      const reported = paymentError(e, o.payment.id);
      if (!(e instanceof ApiError) || e.code !== 'invalid_code') throw reported;
      warn(o.io, e.message);
    }
  }
}
