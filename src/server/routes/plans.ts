/** GET /v1/plans: the catalogue, readable without a key. */
import type { App, AppDeps } from '../app.js';
import { listPlans } from '../store/catalogue.js';

export function registerPlanRoutes(app: App, deps: AppDeps): void {
  app.get('/v1/plans', async (c) => c.json({ object: 'list', data: await listPlans(deps.db) }));
}
