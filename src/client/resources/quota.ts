/** GET /v1/quota: every window of the subscription with used, held, remaining and reset time, plus the packs. */
import type { TokenClient } from '../client.js';
import type { Quota as QuotaT } from '../../shared/quota.js';

export class Quota {
  constructor(private readonly c: TokenClient) {}

  async get(): Promise<QuotaT> {
    // The schema (and zod with it) is loaded when an answer needs checking: `quota --line --offline` never does.
    const { QuotaSchema } = await import('../../shared/quota.js');
    return this.c.request('GET', '/v1/quota', { schema: QuotaSchema });
  }
}
