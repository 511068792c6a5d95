/**
 * Subscription plans (readable without a key) and the account's subscription: subscribing and
 * upgrading move money, so they are idempotent like a purchase; an account holds one subscription
 * at a time.
 */
import { SubscribeRequestSchema, SubscriptionPatchSchema } from '../../shared/quota.js';
import type { App, AppDeps } from '../app.js';
import { badRequest, notFound } from '../errors.js';
import { activeSubscription, getSubscriptionPlan, latestSubscription, listSubscriptionPlans, renewDue, setAutoRenew, subscribe, subscriptionBillLine, toWireSubscription, upgrade } from '../store/subscriptions.js';
import type { Sql } from '../store/sql.js';
import { idempotencyKey, idempotent } from './idempotent.js';
import { refuseSecondSubscription } from './one-subscription.js';
import { preparePhoneBillPayment } from './payments.js';
import { parseJsonBody } from './parse.js';

export function registerSubscriptionRoutes(app: App, deps: AppDeps): void {
  app.get('/v1/subscription-plans', async (c) => c.json({ object: 'list', data: await listSubscriptionPlans(deps.db) }));

  const current = async (accountId: string) => {
    await renewDue(deps.db, accountId, deps.now());
    const sub = await latestSubscription(deps.db, accountId, deps.now());
    if (!sub) throw notFound('this account has never subscribed: see GET /v1/subscription-plans', 'no_subscription');
    return sub;
  };

  /** The plan a subscribe or upgrade body names; 404 when there is none. */
  const requestedPlan = async (c: Parameters<typeof parseJsonBody>[0]) => {
    const body = await parseJsonBody(c, SubscribeRequestSchema);
    const plan = await getSubscriptionPlan(deps.db, body.plan_id);
    if (!plan) throw notFound(`no subscription plan "${body.plan_id}": see GET /v1/subscription-plans`, 'plan_not_found', 'plan_id');
    return { plan, payment_method: body.payment_method };
  };

  app.get('/v1/subscription', async (c) => c.json(toWireSubscription(await current(c.get('account').id))));

  // Auto-renew off is how a subscription is cancelled: it runs to the end of the period paid for.
  app.patch('/v1/subscription', async (c) => {
    const body = await parseJsonBody(c, SubscriptionPatchSchema);
    const sub = await current(c.get('account').id);
    await setAutoRenew(deps.db, sub.id, body.auto_renew);
    return c.json(toWireSubscription(await current(c.get('account').id)));
  });

  app.post('/v1/subscriptions', async (c) => {
    const key = idempotencyKey(c, 'subscriptions');
    const { plan, payment_method } = await requestedPlan(c);
    const accountId = c.get('account').id;
    const noneActive = (tx: Sql) => refuseSecondSubscription(tx, accountId, deps.now());
    if (payment_method === 'phone_bill') {
      const order = { orderType: 'subscription' as const, planId: plan.id, quantity: 1, amount: plan.first_period_price, description: subscriptionBillLine(plan) };
      return preparePhoneBillPayment(c, deps, key, { subscribe: plan.id }, order, noneActive);
    }
    return idempotent(c, deps, key, { subscribe: plan.id }, {
      record: async (tx) => {
        await noneActive(tx);
        return toWireSubscription(await subscribe(tx, accountId, plan, deps.now()));
      },
      status: 201,
    });
  });

  // Upgrades only, prorated, effective at once; a cheaper plan is a new subscription after this one ends.
  app.post('/v1/subscription/upgrade', async (c) => {
    const key = idempotencyKey(c, 'upgrades');
    const { plan, payment_method } = await requestedPlan(c);
    if (payment_method === 'phone_bill') throw badRequest('upgrades are charged instantly: omit payment_method', 'payment_method');
    const accountId = c.get('account').id;
    return idempotent(c, deps, key, { upgrade: plan.id }, {
      record: async (tx) => {
        await tx.lockAccount(accountId);
        await renewDue(tx, accountId, deps.now());
        const sub = await activeSubscription(tx, accountId, deps.now());
        if (!sub) throw notFound('this account has no active subscription to upgrade', 'no_subscription');
        const from = (await getSubscriptionPlan(tx, sub.plan_id))!;
        if (plan.price.amount_minor <= from.price.amount_minor) {
          throw badRequest(`${plan.id} costs no more than ${from.id}: only upgrades take effect at once`, 'plan_id', 'not_an_upgrade');
        }
        await upgrade(tx, sub, plan, deps.now());
        return toWireSubscription((await activeSubscription(tx, accountId, deps.now()))!);
      },
      status: 200,
    });
  });
}
