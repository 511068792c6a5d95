/** `tokencli config unset KEY`: remove a setting from the profile, so its default applies again. */
import { Argument, Command } from 'commander';
import type { ConfigKey } from '../../../config/settings.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { success } from '../../io/messages.js';
import { printJson } from '../../io/json.js';
import { configOptions, KEYS, parseKey, type ConfigOptions } from './shared.js';

export function configUnsetCommand(ctx: Context, runF = configUnsetRun): Command {
  return new Command('unset')
    .description('Remove a setting, so its default applies again')
    .addArgument(new Argument('<key>', 'setting').choices(KEYS.filter((k) => k !== 'api_url')))
    .addHelpText('after', '\nExample:\n  $ tokencli config unset model')
    .action(async (key: string) => runF({ ...(await configOptions(ctx)), key: parseKey(key) }));
}

export async function configUnsetRun(opts: ConfigOptions & { key: ConfigKey }): Promise<void> {
  // A profile without a URL would be no profile: change it with `config set api_url` instead.
  if (opts.key === 'api_url') throw new UsageError('api_url cannot be unset', 'change it with `tokencli config set api_url URL`, or remove the profile');
  const current = opts.settings.profile(opts.profile);
  const had = current?.[opts.key] !== undefined;
  if (current && had) {
    const { [opts.key]: _removed, ...rest } = current;
    opts.settings.saveProfile(opts.profile, rest);
  }
  if (opts.json) printJson(opts.io, { profile: opts.profile, key: opts.key, removed: had });
  success(opts.io, opts.quiet, had ? `Unset ${opts.key} (profile "${opts.profile}")` : `${opts.key} was not set (profile "${opts.profile}")`);
}
