/**
 * Subscription plans and the account's subscription. Subscribing and upgrading move money, so each
 * sends one Idempotency-Key reused by every retry, as a purchase does; turning auto-renew on or off
 * sets a value, which a retry can only set again.
 */
import { randomUUID } from 'node:crypto';
import type { TokenClient } from '../client.js';
import { NotFoundError } from '../errors.js';
import { SubscriptionPlanListSchema, SubscriptionSchema, type Subscription, type SubscriptionPlan } from '../../shared/quota.js';

export class Subscriptions {
  constructor(private readonly c: TokenClient) {}

  /** The subscription tiers; none from a Token Plan server that sells only packs (it answers 404). */
  async plans(): Promise<SubscriptionPlan[]> {
    try {
      return (await this.c.request('GET', '/v1/subscription-plans', { schema: SubscriptionPlanListSchema })).data;
    } catch (e) {
      if (e instanceof NotFoundError) return [];
      throw e;
    }
  }

  /** The account's latest subscription, active or ended; undefined when it never subscribed. */
  async current(): Promise<Subscription | undefined> {
    try {
      return await this.c.request('GET', '/v1/subscription', { schema: SubscriptionSchema });
    } catch (e) {
      if (e instanceof NotFoundError && e.code === 'no_subscription') return undefined;
      throw e;
    }
  }

  create(planId: string, idempotencyKey: string = randomUUID()): Promise<Subscription> {
    return this.c.request('POST', '/v1/subscriptions', { schema: SubscriptionSchema, body: { plan_id: planId }, idempotencyKey, retry: true });
  }

  /** Moves the active subscription to a dearer tier at once, paying the prorated difference; idempotent like create. */
  upgrade(planId: string, idempotencyKey: string = randomUUID()): Promise<Subscription> {
    return this.c.request('POST', '/v1/subscription/upgrade', { schema: SubscriptionSchema, body: { plan_id: planId }, idempotencyKey, retry: true });
  }

  setAutoRenew(on: boolean): Promise<Subscription> {
    return this.c.request('PATCH', '/v1/subscription', { schema: SubscriptionSchema, body: { auto_renew: on }, retry: true });
  }
}
