/** `tokencli plans`: the provider's plan catalogue with tokens per unit of money, cached for estimates and completion. */
import { Command } from 'commander';
import type { TokenClient } from '../../../client/client.js';
import { providerDefaults, type Context } from '../../context.js';
import { topUpRun } from '../../top-up.js';
import type { IOStreams } from '../../io/streams.js';
import { formatMoney, formatTokens } from '../../io/format.js';
import { tokensPerMajorUnit } from '../../../tokens/money.js';
import type { Plan } from '../../../shared/wire.js';
import { printJson, printTable } from '../../io/table.js';
import type { ProviderCache } from '../../provider-cache.js';

export interface PlansOptions {
  io: IOStreams;
  client: () => Promise<TokenClient>;
  providerCache: () => Promise<ProviderCache>;
  json: boolean;
}

export function plansCommand(ctx: Context, runF = plansRun): Command {
  return new Command('plans')
    .description('Show the plan catalogue: tokens, price, validity, tokens per unit of money')
    .addHelpText('after', '\nExamples:\n  $ tokencli plans\n  $ tokencli plans --json | jq -r \'.data[].id\'')
    .action(async () => {
      const kind = await ctx.providerKind();
      if (kind !== 'tokenplan') return topUpRun({ io: ctx.io, profile: await providerDefaults(kind), apiUrl: await ctx.apiUrl(), web: false, json: ctx.globals.json, open: async () => {} });
      return runF({ io: ctx.io, client: () => ctx.client(), providerCache: ctx.providerCache, json: ctx.globals.json });
    });
}

export async function plansRun(opts: PlansOptions): Promise<void> {
  const stop = opts.io.spinner('Fetching plans').stop;
  const plans = await (await opts.client()).plans.list().finally(stop);
  (await opts.providerCache()).rememberPlans(plans.data);
  if (opts.json) return printJson(opts.io, plans);
  printTable<Plan>(
    opts.io,
    [
      { key: 'id', title: 'id', human: (p) => p.id, raw: (p) => p.id },
      { key: 'name', title: 'name', human: (p) => p.name, raw: (p) => p.name, drop: 2 },
      { key: 'tokens', title: 'tokens', human: (p) => formatTokens(p.tokens), raw: (p) => p.tokens },
      { key: 'price_minor', title: 'price', human: (p) => formatMoney(p.price), raw: (p) => p.price.amount_minor },
      { key: 'currency', title: '', human: () => '', raw: (p) => p.price.currency, pipedOnly: true },
      { key: 'validity_days', title: 'valid', human: (p) => `${p.validity_days} days`, raw: (p) => p.validity_days },
      { key: 'tokens_per_major_unit', title: 'tokens per ¥1', human: (p) => perUnit(p), raw: (p) => tokensPerMajorUnit(p) ?? null, drop: 1 },
    ],
    plans.data,
  );
}

const perUnit = (p: Plan) => {
  const n = tokensPerMajorUnit(p);
  return n === undefined ? 'free' : formatTokens(n);
};
