/** GET /v1/account: the account a key belongs to. */
import type { TokenClient } from '../client.js';
import type { Account as AccountT } from '../../shared/wire.js';

export class Account {
  constructor(private readonly c: TokenClient) {}

  /** The key's account; the cheapest authenticated call, used to verify a key. */
  get(signal?: AbortSignal): Promise<AccountT> {
    return this.c.request('GET', '/v1/account', { schema: (w) => w.AccountSchema, ...(signal ? { signal } : {}) });
  }
}
