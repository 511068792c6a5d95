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
  app.get('/v1/subscription-plans', (c) => c.json({ object: 'list', data: listSubscriptionPlans(deps.db) }));

  const current = (accountId: string) => {
    renewDue(deps.db, accountId, deps.now());
    const sub = latestSubscription(deps.db, accountId, deps.now());
    if (!sub) throw notFound('this account has never subscribed: see GET /v1/subscription-plans', 'no_subscription');
    return sub;
  };

  /** The plan a subscribe or upgrade body names; 404 when there is none. */
  const requestedPlan = async (c: Parameters<typeof parseJsonBody>[0]) => {
    const body = await parseJsonBody(c, SubscribeRequestSchema);
    const plan = getSubscriptionPlan(deps.db, body.plan_id);
    if (!plan) throw notFound(`no subscription plan "${body.plan_id}": see GET /v1/subscription-plans`, 'plan_not_found', 'plan_id');
    return plan;
  };

  app.get('/v1/subscription', (c) => c.json(toWireSubscription(current(c.get('account').id))));

  // Auto-renew off is how a subscription is cancelled: it runs to the end of the period paid for.
  app.patch('/v1/subscription', async (c) => {
    const body = await parseJsonBody(c, SubscriptionPatchSchema);
    const sub = current(c.get('account').id);
    setAutoRenew(deps.db, sub.id, body.auto_renew);
    return c.json(toWireSubscription(current(c.get('account').id)));
  });

  app.post('/v1/subscriptions', async (c) => {
    const key = idempotencyKey(c, 'subscriptions');
    const plan = await requestedPlan(c);
    const accountId = c.get('account').id;
    return idempotent(c, deps, key, { subscribe: plan.id }, {
      record: () => {
        // Checked inside the transaction, so two different keys racing cannot both subscribe.
        renewDue(deps.db, accountId, deps.now());
        if (activeSubscription(deps.db, accountId, deps.now())) {
          throw new ApiProblem(409, 'invalid_request_error', 'this account already has an active subscription', 'subscription_exists', 'plan_id');
        }
        return toWireSubscription(subscribe(deps.db, accountId, plan, deps.now()));
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
      record: () => {
        renewDue(deps.db, accountId, deps.now());
        const sub = activeSubscription(deps.db, accountId, deps.now());
        if (!sub) throw notFound('this account has no active subscription to upgrade', 'no_subscription');
        const from = getSubscriptionPlan(deps.db, sub.plan_id)!;
        if (plan.price.amount_minor <= from.price.amount_minor) {
          throw badRequest(`${plan.id} costs no more than ${from.id}: only upgrades take effect at once`, 'plan_id', 'not_an_upgrade');
        }
        upgrade(deps.db, sub, plan, deps.now());
        return toWireSubscription(activeSubscription(deps.db, accountId, deps.now())!);
      },
      status: 200,
    });
  });
}
