/** GET /v1/models: the backend's models in OpenAI's list shape, with context length, plan-token multipliers and the time-of-day multiplier in force. */
import type { App, AppDeps } from '../app.js';
import type { ModelInfo } from '../backends/backend.js';
import type { Model } from '../../shared/wire.js';
import { multiplierAt } from '../../tokens/peak.js';

/** How long an answer is reused at most, so that a backend's changed list shows within this time. */
const REUSE_MS = 10_000;

export const toWireModel = (m: ModelInfo, now: Date): Model => {
  const model: Model = { id: m.id, object: 'model', created: m.created, owned_by: m.owned_by, billing: m.rates };
  if (m.context_length !== undefined) model.context_length = m.context_length;
  if (m.schedule) {
    // The time-of-day multiplier on top of the rates, and when it next changes.
    const { multiplier_milli, changes_at } = multiplierAt(m.schedule, now.getTime());
    // The schedule too, so a client prices a request at the right multiplier from a cached list, whatever the hour.
    model.multiplier = { multiplier_milli, changes_at: changes_at === null ? null : new Date(changes_at).toISOString(), time_zone: m.schedule.time_zone, schedule: m.schedule };
  }
  return model;
};

export function registerModelRoutes(app: App, deps: AppDeps): void {
  // The list is read by every client at start and is the same for everyone until a multiplier
  // changes: the serialised answer is reused until the first change (or REUSE_MS), not rebuilt per request.
  let reused: { body: string; from: number; until: number } | undefined;
  app.get('/v1/models', async (c) => {
    const now = deps.now();
    const at = now.getTime();
    if (!reused || at < reused.from || at >= reused.until) {
      const models = await deps.backend.listModels();
      const data = models.map((m) => toWireModel(m, now));
      const changes = models.map((m) => (m.schedule ? (multiplierAt(m.schedule, at).changes_at ?? Infinity) : Infinity));
      reused = { body: JSON.stringify({ object: 'list', data }), from: at, until: Math.min(at + REUSE_MS, ...changes) };
    }
    return c.body(reused.body, 200, { 'content-type': 'application/json' });
  });
}
