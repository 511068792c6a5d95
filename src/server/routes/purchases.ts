/**
 * Purchases are the one money movement, so they are idempotent: a client that lost the answer can
 * retry with the same `Idempotency-Key` and is never charged twice.
 */
import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { PurchaseRequestSchema } from '../../shared/wire.js';
import type { App, AppDeps } from '../app.js';
import { ApiProblem, badRequest, notFound } from '../errors.js';
import { getPlan } from '../store/catalogue.js';
import { claimKey, completeKey, releaseKey } from '../store/idempotency.js';
import { listPurchases, recordPurchase } from '../store/purchases.js';
import { parseJsonBody } from './parse.js';

const MAX_KEY_LENGTH = 255;

export function registerPurchaseRoutes(app: App, deps: AppDeps): void {
  app.get('/v1/purchases', (c) => c.json({ object: 'list', data: listPurchases(deps.db, c.get('account').id) }));

  app.post('/v1/purchases', async (c) => {
    const account = c.get('account');
    const key = c.req.header('idempotency-key');
    if (!key) throw badRequest('the Idempotency-Key header is required for purchases', 'Idempotency-Key', 'idempotency_key_missing');
    if (key.length > MAX_KEY_LENGTH) throw badRequest(`Idempotency-Key is longer than ${MAX_KEY_LENGTH} characters`, 'Idempotency-Key');
    const body = await parseJsonBody(c, PurchaseRequestSchema);
    const plan = getPlan(deps.db, body.plan_id);
    if (!plan) throw notFound(`no plan "${body.plan_id}": see GET /v1/plans`, 'plan_not_found', 'plan_id');
    const quantity = body.quantity ?? 1;
    // The hash covers the parsed request, so whitespace or key order in the JSON does not matter.
    const requestHash = createHash('sha256').update(JSON.stringify({ plan_id: plan.id, quantity })).digest('hex');

    const claim = deps.db.transaction(() => claimKey(deps.db, account.id, key, requestHash, deps.now())).immediate();
    switch (claim.kind) {
      case 'mismatch':
        throw new ApiProblem(422, 'idempotency_key_reused', 'this Idempotency-Key was used with a different request body', 'idempotency_key_reused', 'Idempotency-Key');
      case 'in_progress':
        throw new ApiProblem(409, 'idempotency_key_in_use', 'a request with this Idempotency-Key is still being processed: retry shortly', 'idempotency_key_in_use', 'Idempotency-Key', { 'retry-after': '1' });
      case 'replay':
        return new Response(claim.body, {
          status: claim.status,
          headers: { 'content-type': 'application/json', 'idempotent-replayed': 'true' },
        });
      case 'claimed':
        break;
    }

    try {
      // The payment step of a real provider happens here, outside any database transaction.
      if (deps.paymentDelayMs > 0) await sleep(deps.paymentDelayMs);
      const purchase = deps.db
        .transaction(() => {
          const p = recordPurchase(deps.db, account.id, plan, quantity, deps.now());
          completeKey(deps.db, account.id, key, 201, JSON.stringify(p));
          return p;
        })
        .immediate();
      return c.json(purchase, 201);
    } catch (e) {
      deps.db.transaction(() => releaseKey(deps.db, account.id, key)).immediate();
      throw e;
    }
  });
}
