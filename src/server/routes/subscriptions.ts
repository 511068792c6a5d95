/**
 * Subscription plans (readable without a key) and the account's subscription: subscribing and
 * upgrading move money, so they are idempotent like a purchase; an account holds one subscription
 * at a time.
 */
import { SubscribeRequestSchema, SubscriptionPatchSchema } from '../../shared/quota.js';
import type { App, AppDeps } from '../app.js';
import { ApiProblem, badRequest, notFound } from '../errors.js';
import { activeSubscription, getSubscriptionPlan, latestSubscription, listSubscriptionPlans, renewDue, setAutoRenew, subscribe, toWireSubscription, upgrade } from '../store/subscriptions.js';
import { idempotencyKey, idempotent } from './idempotent.js';
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
    return plan;
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
    const plan = await requestedPlan(c);
    const accountId = c.get('account').id;
    return idempotent(c, deps, key, { subscribe: plan.id }, {
      record: async (tx) => {
        // Checked inside the transaction, under the account's lock, so two different keys racing cannot both subscribe.
        await tx.lockAccount(accountId);
        await renewDue(tx, accountId, deps.now());
        if (await activeSubscription(tx, accountId, deps.now())) {
          throw new ApiProblem(409, 'invalid_request_error', 'this account already has an active subscription', 'subscription_exists', 'plan_id');
        }
        return toWireSubscription(await subscribe(tx, accountId, plan, deps.now()));
      },
      status: 201,
    });
  });

  // Upgrades only, prorated, effective at once; a cheaper plan is a new subscription after this one ends.
  app.post('/v1/subscription/upgrade', async (c) => {
    const key = idempotencyKey(c, 'upgrades');
    const plan = await requestedPlan(c);
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
