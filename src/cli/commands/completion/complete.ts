/**
 * `tokencli __complete KIND` (hidden): what the completion scripts ask for while a user types,
 * answered from local files only (config and the provider cache), never the network.
 */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import type { IOStreams } from '../../io/streams.js';
import type { ProviderCache } from '../../provider-cache.js';

export interface CompleteOptions {
  io: IOStreams;
  kind: string;
  profiles: () => Promise<string[]>;
  cache: () => Promise<ProviderCache>;
  templates: () => Promise<string[]>;
  aliases: () => string[];
}

export function completeCommand(ctx: Context, runF = completeRun): Command {
  return new Command('__complete')
    .description('(for the completion scripts) list profiles, plans or models from local files')
    .argument('<kind>', 'profiles | plans | models | templates | aliases')
    .action((kind: string) =>
      runF({
        io: ctx.io,
        kind,
        profiles: async () => Object.keys((await ctx.settings()).profiles()),
        cache: ctx.providerCache,
        templates: async () => (await ctx.templates()).names(),
        aliases: () => Object.keys(ctx.aliases().all()),
      }),
    );
}

export async function completeRun(opts: CompleteOptions): Promise<void> {
  const out = (xs: string[] | undefined) => opts.io.out((xs ?? []).map((x) => `${x}\n`).join(''));
  if (opts.kind === 'profiles') return out(await opts.profiles());
  if (opts.kind === 'templates') return out(await opts.templates());
  if (opts.kind === 'aliases') return out(opts.aliases());
  const cache = await opts.cache();
  if (opts.kind === 'plans') return out(cache.plans()?.map((p) => p.id));
  // An alias is a model name too.
  if (opts.kind === 'models') return out([...(cache.models()?.map((m) => m.id) ?? []), ...opts.aliases()]);
}
