/**
 * `tokencli balance`: routes by data, so the run function sees every path and refuses flags that a
 * path cannot honour (it used to drop --offline for --all without a word). Every profile at once
 * (all.ts), a provider's own balance API (provider.ts), or a Token Plan server (tokenplan.ts).
 */
import { Command } from 'commander';
import type { ProviderKind } from '../../../config/settings.js';
import { providerDefaults, type Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { nonNegativeInteger } from '../../flags.js';
import type { IOStreams } from '../../io/streams.js';
import { balanceAllRun, type ProfileTarget } from './all.js';
import { providerBalanceRun, type ProviderBalanceOptions } from './provider.js';
import { tokenPlanBalanceRun, type TokenPlanBalanceOptions } from './tokenplan.js';

export interface BalanceOptions {
  io: IOStreams;
  json: boolean;
  all: boolean;
  provider: ProviderKind;
  min?: string;
  offline: boolean;
  /** Each path's own options, built only when it is taken. */
  everyProfile: () => Promise<ProfileTarget[]>;
  providerOptions: () => Promise<Omit<ProviderBalanceOptions, 'min'>>;
  tokenPlanOptions: () => Promise<Omit<TokenPlanBalanceOptions, 'min' | 'offline'>>;
}

export function balanceCommand(ctx: Context, runF = balanceRun): Command {
  return new Command('balance')
    .description('Tokens remaining, held, and per pack with expiry; a CI quota gate with --min')
    .option('--min <amount>', 'exit 5 below this: tokens for a Token Plan server, money (e.g. 5.50) for other providers')
    .option('--offline', 'do not ask the server: estimate from the last balance seen minus local spend since', false)
    .option('--all', 'every profile at once, one row each (errors shown per profile)', false)
    .addHelpText(
      'after',
      `
When the server cannot be reached, the offline estimate is shown instead, labelled as such. A gate
(--min) fails closed: it passes only on the server's answer in this invocation, unless --offline is
given; an unreachable server is exit 3, with the last estimate as a hint.

Examples:
  $ tokencli balance
  $ tokencli balance --min 100000 --json     # CI: fail the job below 100k tokens
  $ tokencli balance --offline`,
    )
    .action(async (flags: { min?: string; offline: boolean; all: boolean }) =>
      runF({
        io: ctx.io,
        json: ctx.globals.json,
        all: flags.all,
        provider: flags.all ? 'tokenplan' : await ctx.providerKind(),
        ...(flags.min !== undefined ? { min: flags.min } : {}),
        offline: flags.offline,
        everyProfile: () => allTargets(ctx),
        providerOptions: async () => ({
          io: ctx.io,
          profile: await providerDefaults(await ctx.providerKind()),
          profileName: await ctx.profileName(),
          apiUrl: await ctx.apiUrl(),
          client: () => ctx.client({ requireKey: true }),
          ledger: ctx.readLedger,
          json: ctx.globals.json,
          now: ctx.now,
        }),
        tokenPlanOptions: async () => ({
          io: ctx.io,
          client: () => ctx.client({ requireKey: true }),
          ledger: ctx.ledger,
          readLedger: ctx.readLedger,
          profile: await ctx.profileName(),
          apiUrl: await ctx.apiUrl(),
          account: ctx.account,
          json: ctx.globals.json,
          now: ctx.now,
          timeZone: ctx.timeZone,
        }),
      }),
    );
}

export async function balanceRun(opts: BalanceOptions): Promise<void> {
  if (opts.all) {
    if (opts.offline || opts.min !== undefined) {
      throw new UsageError('--all shows every profile\'s live balance; --offline and --min apply to one profile', 'drop --all, or choose the profile with --profile NAME');
    }
    return balanceAllRun({ io: opts.io, json: opts.json, targets: await opts.everyProfile() });
  }
  if (opts.provider !== 'tokenplan') {
    if (opts.offline) throw new UsageError(`--offline needs a Token Plan server: tokencli cannot estimate a ${opts.provider} balance locally`, 'drop --offline');
    return providerBalanceRun({ ...(await opts.providerOptions()), ...(opts.min !== undefined ? { min: opts.min } : {}) });
  }
  const min = opts.min === undefined ? undefined : nonNegativeInteger('--min')(opts.min);
  return tokenPlanBalanceRun({ ...(await opts.tokenPlanOptions()), ...(min !== undefined ? { min } : {}), offline: opts.offline });
}

/** Every stored profile, each with its own URL, key and provider. */
export async function allTargets(ctx: Context): Promise<ProfileTarget[]> {
  const profiles = (await ctx.settings()).profiles();
  return Promise.all(
    Object.entries(profiles).map(async ([name, p]) => {
      const apiKey = ctx.credentials().get(name);
      return {
        name,
        provider: p.provider,
        apiUrl: p.api_url,
        profile: await providerDefaults(p.provider),
        // Each profile with its own stored key only: never another profile's, nor TOKENCLI_API_KEY.
        client: () => ctx.client({ provider: p.provider, apiUrl: p.api_url, apiKey: apiKey ?? null, requireKey: true }),
      };
    }),
  );
}
