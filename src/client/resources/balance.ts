/** GET /v1/balance: remaining, held and per pack. */
import type { TokenClient } from '../client.js';
import type { Balance as BalanceT } from '../../shared/wire.js';

export class Balance {
  constructor(private readonly c: TokenClient) {}

  get(): Promise<BalanceT> {
    return this.c.request('GET', '/v1/balance', { schema: (w) => w.BalanceSchema });
  }
}
