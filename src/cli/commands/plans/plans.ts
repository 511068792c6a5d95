/** `tokencli plans`: the provider's plan catalogue with tokens per unit of money, cached for estimates and completion. */
import { Command } from 'commander';
import type { TokenClient } from '../../../client/client.js';
import { providerDefaults, type Context } from '../../context.js';
import { topUpRun } from '../../top-up.js';
import type { IOStreams } from '../../io/streams.js';
import { formatMoney, formatTokens } from '../../io/format.js';
import { tokensPerMajorUnit } from '../../../tokens/money.js';
import { printJson, printRows } from '../../io/table.js';
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
  const tty = opts.io.isStdoutTTY;
  printRows(
    opts.io,
    ['id', 'name', 'tokens', 'price', 'valid', 'tokens per ¥1'],
    plans.data.map((p) => {
      const perUnit = tokensPerMajorUnit(p);
      return tty
        ? [p.id, p.name, formatTokens(p.tokens), formatMoney(p.price), `${p.validity_days} days`, perUnit === undefined ? 'free' : formatTokens(perUnit)]
        : [p.id, p.name, String(p.tokens), `${p.price.amount_minor}`, p.price.currency, String(p.validity_days), perUnit === undefined ? '' : String(perUnit)];
    }),
  );
}
