/** GET /v1/plans: the plan catalogue. */
import type { TokenClient } from '../client.js';
import type { PlanList } from '../../shared/wire.js';

export class Plans {
  constructor(private readonly c: TokenClient) {}

  list(): Promise<PlanList> {
    return this.c.request('GET', '/v1/plans', { schema: (w) => w.PlanListSchema });
  }
}
