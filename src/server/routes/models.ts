/** GET /v1/models: the backend's models in OpenAI's list shape, with context length, plan-token multipliers and the time-of-day multiplier in force. */
import type { App, AppDeps } from '../app.js';
import type { ModelInfo } from '../backends/backend.js';
import type { Model } from '../../shared/wire.js';
import { multiplierAt } from '../../tokens/peak.js';

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
  app.get('/v1/models', async (c) => c.json({ object: 'list', data: (await deps.backend.listModels()).map((m) => toWireModel(m, deps.now())) }));
}
