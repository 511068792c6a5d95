/** `tokencli profiles rename OLD NEW`: a profile's settings and key under a new name. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { success } from '../../io/messages.js';
import { printJson } from '../../io/json.js';
import { profilesOptions, requireProfile, type ProfilesOptions } from './shared.js';

export function profilesRenameCommand(ctx: Context, runF = profilesRenameRun): Command {
  return new Command('rename')
    .description('Give a profile a new name (its settings and stored key move with it)')
    .argument('<old>', 'current name')
    .argument('<new>', 'new name')
    .addHelpText('after', '\nExample:\n  $ tokencli profiles rename default personal')
    .action(async (from: string, to: string) => runF({ ...(await profilesOptions(ctx)), from, to }));
}

export async function profilesRenameRun(opts: ProfilesOptions & { from: string; to: string }): Promise<void> {
  const known = requireProfile(opts, opts.from);
  if (known.includes(opts.to)) throw new UsageError(`a profile "${opts.to}" exists already`, `remove it first: tokencli profiles rm ${opts.to}`);
  if (!/^[\w.-]+$/.test(opts.to)) throw new UsageError(`"${opts.to}" is not a usable profile name`, 'use letters, digits, dot, dash and underscore');
  opts.settings.renameProfile(opts.from, opts.to);
  opts.credentials().rename(opts.from, opts.to);
  if (opts.json) printJson(opts.io, { from: opts.from, to: opts.to });
  success(opts.io, opts.quiet, `Renamed profile "${opts.from}" to "${opts.to}"`);
}
