/** `tokencli profiles rm NAME`: forget a profile, its settings and its stored key. The ledger keeps its history. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { success } from '../../io/messages.js';
import { printJson } from '../../io/json.js';
import { profilesOptions, requireProfile, type ProfilesOptions } from './shared.js';

export function profilesRmCommand(ctx: Context, runF = profilesRmRun): Command {
  return new Command('rm')
    .description('Remove a profile and its stored key (its runs stay in the ledger)')
    .argument('<name>', 'profile name')
    .addHelpText('after', '\nExample:\n  $ tokencli profiles rm old-work')
    .action(async (name: string) => runF({ ...(await profilesOptions(ctx)), name }));
}

export async function profilesRmRun(opts: ProfilesOptions & { name: string }): Promise<void> {
  requireProfile(opts, opts.name);
  opts.settings.removeProfile(opts.name);
  const keyRemoved = opts.credentials().delete(opts.name);
  if (opts.json) printJson(opts.io, { removed: opts.name, key_removed: keyRemoved });
  success(opts.io, opts.quiet, `Removed profile "${opts.name}"${keyRemoved ? ' and its key' : ''}`);
}
