/** GET /v1/account/keys and DELETE /v1/account/keys/{id}: the account's own API keys. */
import type { TokenClient } from '../client.js';
import type { ApiKey } from '../../shared/wire.js';

export class Keys {
  constructor(private readonly c: TokenClient) {}

  list(): Promise<ApiKey[]> {
    return this.c.request('GET', '/v1/account/keys', { schema: (w) => w.ApiKeyListSchema }).then((l) => l.data);
  }

  /** Revoking is idempotent on the server, so a lost answer may be retried. */
  revoke(id: string): Promise<ApiKey> {
    return this.c.request('DELETE', `/v1/account/keys/${encodeURIComponent(id)}`, { schema: (w) => w.ApiKeySchema, retry: true });
  }
}
