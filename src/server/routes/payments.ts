/**
 * Phone-bill payments (issue 16, after CAMARA's carrier billing): a purchase or subscription asked
 * for with `payment_method: "phone_bill"` is prepared here and answered 202 with the payment, whose
 * SMS code the account then presents at POST /v1/payments/{id}/validate; only then does the order
 * take effect. The cap and the phone are checked before any code is sent.
 */
import type { Context } from 'hono';
import { ValidatePaymentSchema } from '../../shared/billing.js';
import type { Money } from '../../shared/wire.js';
import { minorDigits } from '../../tokens/money.js';
import type { App, AppDeps, AppEnv } from '../app.js';
import { ApiProblem, badRequest, notFound } from '../errors.js';
import { newNumericCode } from '../one-time-code.js';
import { phoneOf } from '../store/accounts.js';
import { getPlan } from '../store/catalogue.js';
import { recordPurchase } from '../store/purchases.js';
import { getSubscriptionPlan, subscribe } from '../store/subscriptions.js';
import { checkCode, createPayment, findPayment, finish, isPaymentCode, phoneBillUsed, replaceCode, toWirePayment, type NewPayment, type PaymentRecord } from '../store/payments.js';
import { idempotent } from './idempotent.js';
import { refuseSecondSubscription } from './one-subscription.js';
import { parseJsonBody } from './parse.js';
import type { Sql } from '../store/sql.js';

/** Carries out a validated payment's order, in the validation's transaction; returns the purchase's or subscription's id. */
async function carryOut(tx: Sql, deps: AppDeps, p: PaymentRecord): Promise<string> {
  const paid = { paymentMethod: 'phone_bill' as const, paymentId: p.id };
  if (p.order_type === 'purchase') {
    const plan = await getPlan(tx, p.plan_id);
    if (!plan) throw notFound(`plan "${p.plan_id}" is no longer sold`, 'plan_not_found');
    return (await recordPurchase(tx, p.account_id, plan, p.quantity, deps.now(), paid)).id;
  }
  const plan = await getSubscriptionPlan(tx, p.plan_id);
  if (!plan) throw notFound(`subscription plan "${p.plan_id}" is no longer sold`, 'plan_not_found');
  await refuseSecondSubscription(tx, p.account_id, deps.now(), p.id);
  return (await subscribe(tx, p.account_id, plan, deps.now(), paid)).id;
}

/** `9.90 CNY`: the SMS is plain text and cannot rely on a currency symbol rendering. */
function moneyText(m: Money): string {
  const digits = minorDigits(m.currency);
  const whole = Math.floor(m.amount_minor / 10 ** digits);
  return `${whole}${digits ? `.${String(m.amount_minor % 10 ** digits).padStart(digits, '0')}` : ''} ${m.currency}`;
}

function sendCode(deps: AppDeps, p: PaymentRecord, code: string): Promise<void> {
  const validity = validityText(deps.phoneBill.ttlMs);
  return deps.sms.send({
    to: p.phone,
    purpose: 'payment',
    code,
    text: `Token Plan: ${code} is your code to charge ${moneyText({ amount_minor: p.amount_minor, currency: p.currency })} to your phone bill for "${p.description}". Valid ${validity}. Never share it.`,
  });
}

/**
 * Prepares a phone-bill payment for an order under the request's Idempotency-Key and sends its
 * code: a retry with the same key answers the same payment, as it is now, and sends nothing.
 */
export function preparePhoneBillPayment(
  c: Context<AppEnv>,
  deps: AppDeps,
  key: string,
  request: Record<string, unknown>,
  order: Omit<NewPayment, 'accountId' | 'phone' | 'code'>,
  precheck: (tx: Sql) => Promise<void> = async () => {},
): Promise<Response> {
  const accountId = c.get('account').id;
  const code = newNumericCode();
  let prepared: PaymentRecord | undefined;
  return idempotent(c, deps, key, { ...request, payment_method: 'phone_bill' }, {
    record: async (tx) => {
      // The account's lock keeps two payments prepared at once (on any replicas) from passing the cap together.
      await tx.lockAccount(accountId);
      await precheck(tx);
      const phone = await phoneOf(tx, accountId);
      if (!phone) {
        throw badRequest('this account has no phone number to bill: pay instantly instead, or ask the operator to add one (serve keys create --phone)', 'payment_method', 'phone_required');
      }
      const used = await phoneBillUsed(tx, accountId, deps.now());
      const cap = deps.phoneBill.monthlyCapMinor;
      if (used + order.amount.amount_minor > cap) {
        const remaining = { amount_minor: Math.max(0, cap - used), currency: order.amount.currency };
        throw new ApiProblem(402, 'insufficient_quota', `this charge of ${moneyText(order.amount)} would pass the monthly phone-bill cap: ${moneyText(remaining)} left this month`, 'monthly_cap_exceeded', 'payment_method', {}, {
          monthly_cap: { limit: { amount_minor: cap, currency: order.amount.currency }, remaining },
        });
      }
      prepared = await createPayment(tx, { ...order, accountId, phone, code }, deps.phoneBill, deps.now());
      return toWirePayment(tx, prepared, deps.phoneBill, deps.now());
    },
    after: async () => {
      if (prepared) await sendCode(deps, prepared, code);
    },
    replay: async (body) => {
      const stored = JSON.parse(body) as { id: string };
      const current = await findPayment(deps.db, accountId, stored.id, deps.now());
      return current ? toWirePayment(deps.db, current, deps.phoneBill, deps.now()) : stored;
    },
    status: 202,
  });
}

const notPending = (p: PaymentRecord) =>
  p.status === 'denied'
    ? new ApiProblem(402, 'insufficient_quota', 'the payment was denied after too many wrong codes: start a new one', 'validation_failed', 'code')
    : new ApiProblem(409, 'invalid_request_error', `the payment is ${p.status.replace('_', ' ')}, not waiting for a code`, `payment_${p.status}`, 'id');

export function registerPaymentRoutes(app: App, deps: AppDeps): void {
  const now = () => deps.now();
  const wire = (p: PaymentRecord) => toWirePayment(deps.db, p, deps.phoneBill, now());
  /** The payment the path names, in a transaction that holds its account's lock (or on the pool for a read). */
  const find = async (db: Sql, c: Context<AppEnv>) => {
    const p = await findPayment(db, c.get('account').id, c.req.param('id') ?? '', now());
    if (!p) throw notFound(`no payment "${c.req.param('id')}" for this account`, 'payment_not_found', 'id');
    return p;
  };
  const locked = <T>(c: Context<AppEnv>, work: (tx: Sql) => Promise<T>) =>
    deps.db.transaction(async (tx) => {
      await tx.lockAccount(c.get('account').id);
      return work(tx);
    });

  app.get('/v1/payments/:id', async (c) => c.json(await wire(await find(deps.db, c))));

  app.post('/v1/payments/:id/validate', async (c) => {
    const { code } = await parseJsonBody(c, ValidatePaymentSchema);
    // The attempt is spent (and the payment maybe denied) in a transaction of its own, which an
    // error answer must not roll back; only a right code carries out the order.
    const outcome = await locked(c, async (tx) => {
      const p = await find(tx, c);
      if (p.status === 'succeeded' && isPaymentCode(p, code)) return { kind: 'done' as const, payment: p };
      if (p.status !== 'pending_validation') return { kind: 'refused' as const, problem: notPending(p) };
      const check = await checkCode(tx, p, code, now());
      if (check.kind === 'wrong') return { kind: 'wrong' as const, attemptsLeft: check.attemptsLeft, payment: p };
      await finish(tx, p.id, 'succeeded', now(), null, await carryOut(tx, deps, p));
      return { kind: 'done' as const, payment: await find(tx, c) };
    });
    switch (outcome.kind) {
      case 'done':
        return c.json(await wire(outcome.payment));
      case 'refused':
        throw outcome.problem;
      case 'wrong':
        if (outcome.attemptsLeft === 0) throw notPending({ ...outcome.payment, status: 'denied' });
        throw new ApiProblem(400, 'invalid_request_error', `wrong code: ${outcome.attemptsLeft} attempt${outcome.attemptsLeft === 1 ? '' : 's'} left`, 'invalid_code', 'code', {}, { attempts_remaining: outcome.attemptsLeft });
    }
  });

  app.post('/v1/payments/:id/cancel', async (c) => {
    const p = await locked(c, async (tx) => {
      const p = await find(tx, c);
      if (p.status === 'pending_validation') await finish(tx, p.id, 'cancelled', now());
      else if (p.status !== 'cancelled') throw notPending(p);
      return find(tx, c);
    });
    return c.json(await wire(p));
  });

  // A new code for a payment whose text went astray: spaced out and limited per payment, and the
  // attempts left carry over, so resending is no way to guess more codes.
  app.post('/v1/payments/:id/resend', async (c) => {
    const code = newNumericCode();
    const p = await locked(c, async (tx) => {
      const p = await find(tx, c);
      if (p.status !== 'pending_validation') throw notPending(p);
      if (p.codes_sent >= deps.phoneBill.maxCodes) {
        throw new ApiProblem(409, 'invalid_request_error', `${p.codes_sent} codes were sent for this payment already: cancel it and start a new one`, 'too_many_codes', 'id');
      }
      const wait = Date.parse(p.code_sent_at) + deps.phoneBill.resendIntervalMs - now().getTime();
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        throw new ApiProblem(429, 'rate_limit_exceeded', `a code was sent moments ago: ask again in ${seconds}s`, 'rate_limit_exceeded', null, { 'retry-after': String(seconds) });
      }
      await replaceCode(tx, p, code, now());
      return find(tx, c);
    });
    await sendCode(deps, p, code);
    return c.json(await wire(p));
  });
}

/** How long a code stays valid, never rounded up: a 90-second code is "1 min 30 s", not "2 min". */
function validityText(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (minutes === 0) return `${rest} s`;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}
