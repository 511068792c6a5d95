/** GET /v1/statements/{YYYY-MM}: the account's charges in a calendar month, with their total. */
import type { TokenClient } from '../client.js';
import type { Statement } from '../../shared/billing.js';

/** The schemas (and zod with them) load when an answer needs checking, not with the client. */
const billing = () => import('../../shared/billing.js');

export class Statements {
  constructor(private readonly c: TokenClient) {}

  async get(month: string): Promise<Statement> {
    return this.c.request('GET', `/v1/statements/${encodeURIComponent(month)}`, { schema: (await billing()).StatementSchema });
  }
}
