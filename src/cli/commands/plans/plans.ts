/**
 * `tokencli plans`: the provider's catalogue of both kinds, packs (tokens that expire, with tokens
 * per unit of money) and subscription tiers (a monthly price and limits per window). Packs are
 * cached for estimates and completion.
 */
import { Command, Option } from 'commander';
import type { TokenClient } from '../../../client/client.js';
import { Subscriptions } from '../../../client/resources/subscriptions.js';
import { providerDefaults, type Context } from '../../context.js';
import { topUpRun } from '../../top-up.js';
import type { IOStreams } from '../../io/streams.js';
import { formatMoney, formatTokens } from '../../io/format.js';
import { tokensPerMajorUnit } from '../../../tokens/money.js';
import type { Plan } from '../../../shared/wire.js';
import type { SubscriptionPlan } from '../../../shared/quota.js';
import { printTable } from '../../io/table.js';
import { printJson } from '../../io/json.js';
import type { ProviderCache } from '../../provider-cache.js';
import { describeLimits } from './limits.js';

export type PlanKind = 'pack' | 'subscription';

export interface PlansOptions {
  io: IOStreams;
  client: () => Promise<TokenClient>;
  providerCache: () => Promise<ProviderCache>;
  /** Only this kind; both when absent (piped, one table: the packs, unless asked for subscriptions). */
  kind?: PlanKind;
  json: boolean;
}

export function plansCommand(ctx: Context, runF = plansRun): Command {
  return new Command('plans')
    .description('Show the plan catalogue: packs (tokens, price, validity) and subscription tiers (monthly price, limits per window)')
    .addOption(new Option('--kind <kind>', 'only packs or only subscription tiers; piped output is one table, the packs unless --kind subscription').choices(['pack', 'subscription']))
    .addHelpText('after', '\nExamples:\n  $ tokencli plans\n  $ tokencli plans --kind subscription\n  $ tokencli plans --json | jq -r \'.data[].id, .subscription_plans[].id\'')
    .action(async (flags: { kind?: PlanKind }) => {
      const kind = await ctx.providerKind();
      if (kind !== 'tokenplan') return topUpRun({ io: ctx.io, profile: await providerDefaults(kind), apiUrl: await ctx.apiUrl(), web: false, json: ctx.globals.json, open: async () => {} });
      return runF({ io: ctx.io, client: () => ctx.client(), providerCache: ctx.providerCache, json: ctx.globals.json, ...(flags.kind ? { kind: flags.kind } : {}) });
    });
}

export async function plansRun(opts: PlansOptions): Promise<void> {
  const stop = opts.io.spinner('Fetching plans').stop;
  const client = await opts.client();
  const [plans, tiers] = await Promise.all([
    client.plans.list(),
    opts.kind === 'pack' ? Promise.resolve([]) : new Subscriptions(client).plans(),
  ]).finally(stop);
  (await opts.providerCache()).rememberPlans(plans.data);
  // The API document's fields at the top level, the tiers beside them.
  if (opts.json) return printJson(opts.io, { ...plans, data: opts.kind === 'subscription' ? [] : plans.data, subscription_plans: tiers });

  const tty = opts.io.isStdoutTTY;
  const showPacks = opts.kind !== 'subscription';
  const showTiers = opts.kind === 'subscription' || (opts.kind === undefined && tty && tiers.length > 0);
  if (showPacks) {
    if (showTiers) opts.io.out(opts.io.color.bold('Packs') + '\n');
    printPacks(opts.io, plans.data);
  }
  if (showTiers) {
    if (showPacks) opts.io.out('\n' + opts.io.color.bold('Subscriptions') + ' (tokencli plan subscribe TIER)\n');
    printTiers(opts.io, tiers);
  }
}

function printPacks(io: IOStreams, plans: Plan[]): void {
  printTable<Plan>(
    io,
    [
      { key: 'id', title: 'id', human: (p) => p.id, raw: (p) => p.id },
      { key: 'name', title: 'name', human: (p) => p.name, raw: (p) => p.name, drop: 2 },
      { key: 'tokens', title: 'tokens', human: (p) => formatTokens(p.tokens), raw: (p) => p.tokens },
      { key: 'price_minor', title: 'price', human: (p) => formatMoney(p.price), raw: (p) => p.price.amount_minor },
      { key: 'currency', title: '', human: () => '', raw: (p) => p.price.currency, pipedOnly: true },
      { key: 'validity_days', title: 'valid', human: (p) => `${p.validity_days} days`, raw: (p) => p.validity_days },
      { key: 'tokens_per_major_unit', title: 'tokens per ¥1', human: (p) => perUnit(p), raw: (p) => tokensPerMajorUnit(p) ?? null, drop: 1 },
    ],
    plans,
  );
}

function printTiers(io: IOStreams, tiers: SubscriptionPlan[]): void {
  printTable<SubscriptionPlan>(
    io,
    [
      { key: 'id', title: 'id', human: (p) => p.id, raw: (p) => p.id },
      { key: 'name', title: 'name', human: (p) => p.name, raw: (p) => p.name, drop: 2 },
      { key: 'price_minor', title: 'a month', human: (p) => formatMoney(p.price), raw: (p) => p.price.amount_minor },
      { key: 'first_period_price_minor', title: 'first month', human: (p) => formatMoney(p.first_period_price), raw: (p) => p.first_period_price.amount_minor, drop: 1 },
      { key: 'currency', title: '', human: () => '', raw: (p) => p.price.currency, pipedOnly: true },
      // Piped as unit:window:cap triples, which `tr , '\n'` splits into rows.
      { key: 'limits', title: 'limits', human: (p) => describeLimits(p.limits), raw: (p) => p.limits.map((l) => `${l.unit}:${l.window}:${l.cap}`).join(',') },
      { key: 'time_zone', title: 'zone', human: (p) => p.time_zone, raw: (p) => p.time_zone, drop: 3 },
    ],
    tiers,
  );
}

const perUnit = (p: Plan) => {
  const n = tokensPerMajorUnit(p);
  return n === undefined ? 'free' : formatTokens(n);
};
