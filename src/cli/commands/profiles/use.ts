/** `tokencli profiles use NAME`: make a stored profile the current one. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { success } from '../../io/messages.js';
import { printJson } from '../../io/json.js';
import { profilesOptions, requireProfile, type ProfilesOptions } from './shared.js';

export function profilesUseCommand(ctx: Context, runF = profilesUseRun): Command {
  return new Command('use')
    .description('Make a profile the current one')
    .argument('<name>', 'profile name')
    .addHelpText('after', '\nExample:\n  $ tokencli profiles use work')
    .action(async (name: string) => runF({ ...(await profilesOptions(ctx)), name }));
}

export async function profilesUseRun(opts: ProfilesOptions & { name: string }): Promise<void> {
  requireProfile(opts, opts.name);
  opts.settings.useProfile(opts.name);
  if (opts.json) printJson(opts.io, { active: opts.name });
  success(opts.io, opts.quiet, `Now using profile "${opts.name}"`);
}
