/**
 * `tokencli models`: the provider's models with context length and plan-token multiplier or price,
 * and the time-of-day multiplier in force now with when it next changes; cached for estimates.
 */
import { rootOf } from '../../../shared/url.js';
import { Command } from 'commander';
import type { TokenClient } from '../../../client/client.js';
import { perMillion } from '../../../tokens/money.js';
import type { ProviderKind } from '../../../config/settings.js';
import type { Model } from '../../../shared/wire.js';
import { formatMultiplier } from '../../../tokens/billing.js';
import { modelMultiplierAt, publishedMultiplier } from '../../../tokens/peak.js';
import { describeMultiplier } from './multiplier.js';
import type { Context } from '../../context.js';
import type { IOStreams } from '../../io/streams.js';
import { formatTokens } from '../../io/format.js';
import { printTable, type Column } from '../../io/table.js';
import { printJson } from '../../io/json.js';
import type { ProviderCache } from '../../provider-cache.js';

export interface ModelsOptions {
  io: IOStreams;
  client: () => Promise<TokenClient>;
  providerCache: () => Promise<ProviderCache>;
  provider: ProviderKind;
  details: boolean;
  json: boolean;
  now: () => Date;
  /** Where "until 18:00" is reckoned: the profile's zone, else this machine's. */
  timeZone: () => Promise<string>;
}

export function modelsCommand(ctx: Context, runF = modelsRun): Command {
  return new Command('models')
    .description('Models with their context length, and plan-token multipliers or prices where the provider gives them')
    .option('--details', 'ask for more per model where that costs extra requests (Ollama: context length from /api/show)', false)
    .addHelpText('after', '\nA model priced by the hour (peak and off-peak) shows the multiplier in force now and until when, on top of its rates.\n\nExamples:\n  $ tokencli models\n  $ tokencli models --json | jq -r \'.data[].id\'\n  $ tokencli models --details --profile local')
    .action(async (flags: { details: boolean }) =>
      runF({ io: ctx.io, client: () => ctx.client(), providerCache: ctx.providerCache, provider: await ctx.providerKind(), details: flags.details, json: ctx.globals.json, now: ctx.now, timeZone: () => ctx.timeZone() }),
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
  const columns: Column<Model>[] = [
    id,
    context,
    { key: 'input_multiplier_milli', title: 'input', human: (m) => multiplier(m.billing?.input_multiplier_milli), raw: (m) => m.billing?.input_multiplier_milli },
    { key: 'output_multiplier_milli', title: 'output', human: (m) => multiplier(m.billing?.output_multiplier_milli), raw: (m) => m.billing?.output_multiplier_milli },
    { key: 'owned_by', title: 'owned by', human: (m) => m.owned_by ?? '-', raw: (m) => m.owned_by, drop: 1 },
  ];
  if (models.data.some((m) => publishedMultiplier(m))) columns.push(...hourlyColumns(opts.now(), await opts.timeZone()));
  printTable(opts.io, columns, models.data);
}

/** The time-of-day multiplier in force now and when it changes; after the others, so piped scripts keep their fields. */
function hourlyColumns(now: Date, zone: string): Column<Model>[] {
  const at = (m: Model) => {
    const p = publishedMultiplier(m);
    return p && modelMultiplierAt(p, now.getTime());
  };
  return [
    { key: 'multiplier_milli', title: 'multiplier now', human: (m) => { const x = at(m); return x ? describeMultiplier(x, now, zone) : '-'; }, raw: (m) => at(m)?.multiplier_milli },
    { key: 'multiplier_changes_at', title: '', human: () => '', raw: (m) => { const c = at(m)?.changes_at; return c == null ? null : new Date(c).toISOString(); }, pipedOnly: true },
  ];
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
