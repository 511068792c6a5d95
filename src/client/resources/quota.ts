/** GET /v1/quota: every window of the subscription with used, held, remaining and reset time, plus the packs. */
import type { TokenClient } from '../client.js';
import { QuotaSchema, type Quota as QuotaT } from '../../shared/quota.js';

export class Quota {
  constructor(private readonly c: TokenClient) {}

  get(): Promise<QuotaT> {
    return this.c.request('GET', '/v1/quota', { schema: QuotaSchema });
  }
}
