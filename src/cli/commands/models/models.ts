/** `tokencli models`: the provider's models with context length and plan-token multiplier or price, cached for estimates. */
import { rootOf } from '../../../shared/url.js';
import { Command } from 'commander';
import type { TokenClient } from '../../../client/client.js';
import { perMillion } from '../../../tokens/money.js';
import type { ProviderKind } from '../../../config/settings.js';
import type { Model } from '../../../shared/wire.js';
import { formatMultiplier } from '../../../tokens/billing.js';
import type { Context } from '../../context.js';
import type { IOStreams } from '../../io/streams.js';
import { formatTokens } from '../../io/format.js';
import { printJson, printTable, type Column } from '../../io/table.js';
import type { ProviderCache } from '../../provider-cache.js';

export interface ModelsOptions {
  io: IOStreams;
  client: () => Promise<TokenClient>;
  providerCache: () => Promise<ProviderCache>;
  provider: ProviderKind;
  details: boolean;
  json: boolean;
}

export function modelsCommand(ctx: Context, runF = modelsRun): Command {
  return new Command('models')
    .description('Models with their context length, and plan-token multipliers or prices where the provider gives them')
    .option('--details', 'ask for more per model where that costs extra requests (Ollama: context length from /api/show)', false)
    .addHelpText('after', '\nExamples:\n  $ tokencli models\n  $ tokencli models --json | jq -r \'.data[].id\'\n  $ tokencli models --details --profile local')
    .action(async (flags: { details: boolean }) =>
      runF({ io: ctx.io, client: () => ctx.client(), providerCache: ctx.providerCache, provider: await ctx.providerKind(), details: flags.details, json: ctx.globals.json }),
    );
}

interface Pricing {
  prompt?: unknown;
  completion?: unknown;
}

export async function modelsRun(opts: ModelsOptions): Promise<void> {
  const stop = opts.io.spinner('Fetching models').stop;
  const client = await opts.client();
  const models = await client.models.list().finally(stop);
  if (opts.details && opts.provider === 'ollama') await addOllamaContext(client, models.data);
  (await opts.providerCache()).remember(models.data);
  if (opts.json) return printJson(opts.io, models);
  const n = (v: number | null | undefined) => (v == null ? '-' : formatTokens(v));
  const id: Column<Model> = { key: 'id', title: 'id', human: (m) => m.id, raw: (m) => m.id };
  const context: Column<Model> = { key: 'context_length', title: 'context', human: (m) => n(m.context_length), raw: (m) => m.context_length, drop: 2 };
  const pricing = (m: Model) => (m as { pricing?: Pricing }).pricing;
  if (models.data.some(pricing)) {
    // OpenRouter: USD per token as decimal strings, shown per million tokens.
    const price = (v: unknown) => perMillion(v) ?? '-';
    printTable(opts.io, [
      id,
      context,
      { key: 'usd_per_million_prompt', title: '$/M in', human: (m) => price(pricing(m)?.prompt), raw: (m) => perMillion(pricing(m)?.prompt) },
      { key: 'usd_per_million_completion', title: '$/M out', human: (m) => price(pricing(m)?.completion), raw: (m) => perMillion(pricing(m)?.completion) },
    ], models.data);
    return;
  }
  const multiplier = (milli: number | undefined) => (milli === undefined ? '-' : formatMultiplier(milli));
  printTable(opts.io, [
    id,
    context,
    { key: 'input_multiplier_milli', title: 'input', human: (m) => multiplier(m.billing?.input_multiplier_milli), raw: (m) => m.billing?.input_multiplier_milli },
    { key: 'output_multiplier_milli', title: 'output', human: (m) => multiplier(m.billing?.output_multiplier_milli), raw: (m) => m.billing?.output_multiplier_milli },
    { key: 'owned_by', title: 'owned by', human: (m) => m.owned_by ?? '-', raw: (m) => m.owned_by, drop: 1 },
  ], models.data);
}

/** Ollama keeps context length in its native API: `model_info["<arch>.context_length"]`. */
async function addOllamaContext(client: TokenClient, models: Model[]): Promise<void> {
  const root = rootOf(client.opts.baseUrl);
  await Promise.all(
    models.map(async (m) => {
      const show = await client.request<{ model_info?: Record<string, unknown> }>('POST', `${root}/api/show`, { body: { model: m.id }, retry: true });
      const entry = Object.entries(show.model_info ?? {}).find(([k]) => k.endsWith('.context_length'));
      if (typeof entry?.[1] === 'number') m.context_length = entry[1];
    }),
  );
}
