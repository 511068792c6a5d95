/**
 * Purchases move money, so they are idempotent (routes/idempotent.ts): a client that lost the answer
 * can retry with the same `Idempotency-Key` and is never charged twice. Paid by phone bill, a purchase
 * is prepared here and carried out when its payment is validated (routes/payments.ts).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { PurchaseRequestSchema } from '../../shared/wire.js';
import type { App, AppDeps } from '../app.js';
import { notFound } from '../errors.js';
import { getPlan } from '../store/catalogue.js';
import { listPurchases, packBillLine, recordPurchase } from '../store/purchases.js';
import { idempotencyKey, idempotent } from './idempotent.js';
import { preparePhoneBillPayment } from './payments.js';
import { parseJsonBody } from './parse.js';

export function registerPurchaseRoutes(app: App, deps: AppDeps): void {
  app.get('/v1/purchases', async (c) => c.json({ object: 'list', data: await listPurchases(deps.db, c.get('account').id) }));

  app.post('/v1/purchases', async (c) => {
    const key = idempotencyKey(c, 'purchases');
    const body = await parseJsonBody(c, PurchaseRequestSchema);
    const plan = await getPlan(deps.db, body.plan_id);
    if (!plan) throw notFound(`no plan "${body.plan_id}": see GET /v1/plans`, 'plan_not_found', 'plan_id');
    const quantity = body.quantity ?? 1;
    if (body.payment_method === 'phone_bill') {
      const amount = { amount_minor: plan.price.amount_minor * quantity, currency: plan.price.currency };
      return preparePhoneBillPayment(c, deps, key, { plan_id: plan.id, quantity }, { orderType: 'purchase', planId: plan.id, quantity, amount, description: packBillLine(plan, quantity) });
    }
    return idempotent(c, deps, key, { plan_id: plan.id, quantity }, {
      // The payment step of a real provider happens here, outside any database transaction.
      before: async () => {
        if (deps.paymentDelayMs > 0) await sleep(deps.paymentDelayMs);
      },
      record: (tx) => recordPurchase(tx, c.get('account').id, plan, quantity, deps.now()),
      status: 201,
    });
  });
}
