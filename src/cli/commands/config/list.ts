/** `tokencli config list`: every setting of the profile. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { printJson, printTable } from '../../io/table.js';
import { configOptions, KEYS, valuesOf, type ConfigOptions } from './shared.js';

export function configListCommand(ctx: Context, runF = configListRun): Command {
  return new Command('list')
    .description('Print every setting of the profile')
    .addHelpText('after', '\nExample:\n  $ tokencli config list --json')
    .action(async () => runF(await configOptions(ctx)));
}

export async function configListRun(opts: ConfigOptions): Promise<void> {
  const values = valuesOf(opts);
  if (opts.json) return printJson(opts.io, { profile: opts.profile, settings: values, path: opts.settings.path });
  printTable(
    opts.io,
    [
      { key: 'key', title: 'key', human: (k) => k, raw: (k) => k },
      { key: 'value', title: 'value', human: (k) => values[k] ?? '-', raw: (k) => values[k] },
    ],
    KEYS,
  );
}
