/**
 * What the CLI knows about a provider's models (multipliers, context length), cached on disk from
 * the last `/v1/models` answer so that estimates, budgets and completions work without a request.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TokenClient } from '../client/client.js';
import type { BillingRates, Model } from '../shared/wire.js';
import { UNIT_RATES } from '../tokens/billing.js';

interface CacheFile {
  /** Per API URL: the models and when they were fetched. */
  providers: Record<string, { fetched_at: string; models: Model[] }>;
}

export class ModelCatalog {
  private readonly file: string;

  constructor(
    cacheDir: string,
    private readonly apiUrl: string,
    private readonly now: () => Date,
  ) {
    this.file = join(cacheDir, 'models.json');
  }

  private read(): CacheFile {
    try {
      return JSON.parse(readFileSync(this.file, 'utf8')) as CacheFile;
    } catch {
      return { providers: {} };
    }
  }

  cached(): Model[] | undefined {
    return this.read().providers[this.apiUrl]?.models;
  }

  remember(models: Model[]): void {
    const data = this.read();
    data.providers[this.apiUrl] = { fetched_at: this.now().toISOString(), models };
    mkdirSync(join(this.file, '..'), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, this.file);
  }

  /** The model from the cache, or from the server (then cached) when the cache does not have it. */
  async find(id: string, client: () => Promise<TokenClient>): Promise<Model | undefined> {
    const hit = this.cached()?.find((m) => m.id === id);
    if (hit) return hit;
    const models = (await (await client()).models.list()).data;
    this.remember(models);
    return models.find((m) => m.id === id);
  }
}

export const ratesOf = (model: Model | undefined): BillingRates => model?.billing ?? UNIT_RATES;
