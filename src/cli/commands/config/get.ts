/** `tokencli config get KEY`: one setting of the profile, bare on stdout. */
import { Argument, Command } from 'commander';
import type { ConfigKey } from '../../../config/settings.js';
import type { Context } from '../../context.js';
import { printJson } from '../../io/json.js';
import { configOptions, KEYS, parseKey, valuesOf, type ConfigOptions } from './shared.js';

export function configGetCommand(ctx: Context, runF = configGetRun): Command {
  return new Command('get')
    .description('Print one setting')
    .addArgument(new Argument('<key>', 'setting').choices(KEYS))
    .addHelpText('after', '\nExample:\n  $ tokencli config get model')
    .action(async (key: string) => runF({ ...(await configOptions(ctx)), key: parseKey(key) }));
}

export async function configGetRun(opts: ConfigOptions & { key: ConfigKey }): Promise<void> {
  const value = valuesOf(opts)[opts.key];
  if (opts.json) return printJson(opts.io, { profile: opts.profile, key: opts.key, value });
  if (value !== null) opts.io.out(`${value}\n`);
}
