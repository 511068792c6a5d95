/** Purchases: created with an Idempotency-Key and retried safely, and listed. */
import { randomUUID } from 'node:crypto';
import type { TokenClient } from '../client.js';
import type { Purchase, PurchaseRequest } from '../../shared/wire.js';

export class Purchases {
  constructor(private readonly c: TokenClient) {}

  /**
   * Buys a plan. The idempotency key is fixed before the first attempt and reused by every retry,
   * so a purchase whose answer was lost is replayed by the server, never charged twice.
   */
  create(body: PurchaseRequest, idempotencyKey: string = randomUUID()): Promise<Purchase> {
    return this.c.request('POST', '/v1/purchases', { schema: (w) => w.PurchaseSchema, body, idempotencyKey, retry: true });
  }

  list() {
    return this.c.request('GET', '/v1/purchases', { schema: (w) => w.PurchaseListSchema });
  }
}
