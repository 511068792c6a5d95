/** GET /v1/models: the backend's models in OpenAI's list shape, with context length and plan-token multipliers. */
import type { App, AppDeps } from '../app.js';
import type { ModelInfo } from '../backends/backend.js';
import type { Model } from '../../shared/wire.js';

export const toWireModel = (m: ModelInfo): Model => {
  const model: Model = { id: m.id, object: 'model', created: m.created, owned_by: m.owned_by, billing: m.rates };
  if (m.context_length !== undefined) model.context_length = m.context_length;
  return model;
};

export function registerModelRoutes(app: App, deps: AppDeps): void {
  app.get('/v1/models', async (c) => c.json({ object: 'list', data: (await deps.backend.listModels()).map(toWireModel) }));
}
