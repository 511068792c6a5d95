/** GET /v1/statements/{YYYY-MM}: the account's charges in a calendar month, with their total. */
import type { TokenClient } from '../client.js';
import { StatementSchema, type Statement } from '../../shared/billing.js';

export class Statements {
  constructor(private readonly c: TokenClient) {}

  get(month: string): Promise<Statement> {
    return this.c.request('GET', `/v1/statements/${encodeURIComponent(month)}`, { schema: StatementSchema });
  }
}
