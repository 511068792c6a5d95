/** GET /v1/models, validated where the client reads it. */
import type { TokenClient } from '../client.js';
import type { ModelList } from '../../shared/wire.js';

export class Models {
  constructor(private readonly c: TokenClient) {}

  list(): Promise<ModelList> {
    return this.c.request('GET', `${this.c.prefix}/models`, { schema: (w) => w.ModelListSchema });
  }
}
