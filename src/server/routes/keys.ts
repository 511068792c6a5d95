/** The key's account's own API keys: GET /v1/account/keys lists them, DELETE /v1/account/keys/{id} revokes one. */
import type { App, AppDeps } from '../app.js';
import { notFound } from '../errors.js';
import { listKeys, revokeKey } from '../store/api-keys.js';

export function registerKeyRoutes(app: App, deps: AppDeps): void {
  app.get('/v1/account/keys', async (c) => c.json({ object: 'list', data: await listKeys(deps.db, c.get('account').id) }));

  app.delete('/v1/account/keys/:id', async (c) => {
    const revoked = await revokeKey(deps.db, c.get('account').id, c.req.param('id'), deps.now());
    if (!revoked) throw notFound('this account has no API key with that id', 'key_not_found', 'id');
    return c.json(revoked);
  });
}
