/**
 * What the CLI knows about a provider's models (multipliers, context length) and plans (prices),
 * cached on disk from the last answers so that estimates, budgets, reports and completions work
 * without a request.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TokenClient } from '../client/client.js';
import type { BillingRates, Model, Plan } from '../shared/wire.js';
import { UNIT_RATES } from '../tokens/billing.js';

interface CacheFile {
  /** Per API URL: the models and plans last fetched, and when. */
  providers: Record<string, { fetched_at: string; models?: Model[]; plans?: Plan[] }>;
}

export class ProviderCache {
  private readonly file: string;
  /** Read once: a run asks for the model, its rates and the known names in turn. */
  private data: CacheFile | undefined;

  constructor(
    cacheDir: string,
    private readonly apiUrl: string,
    private readonly now: () => Date,
  ) {
    this.file = join(cacheDir, 'models.json');
  }

  private read(): CacheFile {
    if (this.data) return this.data;
    try {
      this.data = JSON.parse(readFileSync(this.file, 'utf8')) as CacheFile;
    } catch {
      this.data = { providers: {} };
    }
    return this.data;
  }

  models(): Model[] | undefined {
    return this.read().providers[this.apiUrl]?.models;
  }

  plans(): Plan[] | undefined {
    return this.read().providers[this.apiUrl]?.plans;
  }

  remember(models: Model[]): void {
    this.update({ models });
  }

  rememberPlans(plans: Plan[]): void {
    this.update({ plans });
  }

  private update(part: { models?: Model[]; plans?: Plan[] }): void {
    const data = this.read();
    data.providers[this.apiUrl] = { ...data.providers[this.apiUrl], ...part, fetched_at: this.now().toISOString() };
    mkdirSync(join(this.file, '..'), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, this.file);
  }

  /** The model from the cache, or from the server (then cached) when the cache does not have it. */
  async find(id: string, client: () => Promise<TokenClient>): Promise<Model | undefined> {
    const hit = this.models()?.find((m) => m.id === id);
    if (hit) return hit;
    const models = (await (await client()).models.list()).data;
    this.remember(models);
    return models.find((m) => m.id === id);
  }
}

export const ratesOf = (model: Model | undefined): BillingRates => model?.billing ?? UNIT_RATES;
