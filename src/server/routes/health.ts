/**
 * GET /health, for load balancers and orchestrators: 200 when this replica's database answers,
 * 503 when it does not (the replica should get no traffic then). No key needed, no rate limit.
 */
import type { App, AppDeps } from '../app.js';

export function registerHealthRoutes(app: App, deps: AppDeps): void {
  app.get('/health', async (c) => {
    const started = performance.now();
    try {
      await deps.db.ping();
      return c.json({ status: 'ok', database: { status: 'ok', dialect: deps.db.dialect, latency_ms: Math.round(performance.now() - started) } });
    } catch (e) {
      return c.json({ status: 'unavailable', database: { status: 'unreachable', dialect: deps.db.dialect, error: (e as Error).message } }, 503);
    }
  });
}
