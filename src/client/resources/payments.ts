/**
 * Phone-bill payments: prepared with an Idempotency-Key (retried safely: the server answers the same
 * payment and sends no second code), then validated with the SMS code, cancelled, or given a new code.
 */
import { randomUUID } from 'node:crypto';
import type { TokenClient } from '../client.js';
import type { Payment } from '../../shared/billing.js';

/** The schemas (and zod with them) load when an answer needs checking, not with the client. */
const billing = () => import('../../shared/billing.js');

/** What a phone-bill payment buys: a pack (POST /v1/purchases) or a subscription (POST /v1/subscriptions). */
export type PhoneBillOrder = { type: 'purchase'; plan_id: string; quantity: number } | { type: 'subscription'; plan_id: string };

export class Payments {
  constructor(private readonly c: TokenClient) {}

  /** Asks for the order with `payment_method: phone_bill`: the server texts a code and answers the pending payment. */
  async prepare(order: PhoneBillOrder, idempotencyKey: string = randomUUID()): Promise<Payment> {
    const { type, ...body } = order;
    const path = type === 'purchase' ? '/v1/purchases' : '/v1/subscriptions';
    return this.c.request('POST', path, { schema: (await billing()).PaymentSchema, body: { ...body, payment_method: 'phone_bill' }, idempotencyKey, retry: true });
  }

  async get(id: string): Promise<Payment> {
    return this.c.request('GET', `/v1/payments/${encodeURIComponent(id)}`, { schema: (await billing()).PaymentSchema });
  }

  /** Not retried: a wrong code whose answer was lost must not spend a second attempt unseen. */
  async validate(id: string, code: string): Promise<Payment> {
    return this.c.request('POST', `/v1/payments/${encodeURIComponent(id)}/validate`, { schema: (await billing()).PaymentSchema, body: { code } });
  }

  async cancel(id: string): Promise<Payment> {
    return this.c.request('POST', `/v1/payments/${encodeURIComponent(id)}/cancel`, { schema: (await billing()).PaymentSchema, retry: true });
  }

  async resend(id: string): Promise<Payment> {
    return this.c.request('POST', `/v1/payments/${encodeURIComponent(id)}/resend`, { schema: (await billing()).PaymentSchema });
  }
}
