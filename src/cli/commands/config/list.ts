/** `tokencli config list`: every setting in force, and where each comes from (flag, env, profile, default). */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { printTable } from '../../io/table.js';
import { printJson } from '../../io/json.js';
import { configOptions, KEYS, type ConfigOptions } from './shared.js';

export function configListCommand(ctx: Context, runF = configListRun): Command {
  return new Command('list')
    .description('Print every setting of the profile')
    .addHelpText('after', '\nExample:\n  $ tokencli config list --json')
    .action(async () => runF(await configOptions(ctx)));
}

export async function configListRun(opts: ConfigOptions): Promise<void> {
  const values = await opts.effective();
  if (opts.json) {
    const settings = Object.fromEntries(KEYS.map((k) => [k, values[k].value]));
    const sources = Object.fromEntries(KEYS.map((k) => [k, values[k].source]));
    return printJson(opts.io, { profile: opts.profile, settings, sources, path: opts.settings.path });
  }
  printTable(
    opts.io,
    [
      { key: 'key', title: 'key', human: (k) => k, raw: (k) => k },
      { key: 'value', title: 'value', human: (k) => values[k].value ?? '-', raw: (k) => values[k].value },
      { key: 'source', title: 'from', human: (k) => values[k].source, raw: (k) => values[k].source },
    ],
    KEYS,
  );
}
