import { Argument, Command } from 'commander';
import { CONFIG_KEYS, DEFAULT_TOKENPLAN_URL, type ConfigKey } from '../../../config/settings.js';
import type { Settings } from '../../../config/settings-store.js';
import type { Context } from '../../context.js';
import { checkUrl } from '../../context.js';
import { UsageError } from '../../errors.js';
import { isTimeZone } from '../../../ledger/periods.js';
import type { IOStreams } from '../../io/streams.js';
import { success } from '../../io/messages.js';
import { printJson, printRows } from '../../io/table.js';

export interface ConfigOptions {
  io: IOStreams;
  settings: Settings;
  profile: string;
  json: boolean;
  quiet: boolean;
}

const KEYS = Object.keys(CONFIG_KEYS) as ConfigKey[];

function parseKey(key: string): ConfigKey {
  if (!(KEYS as string[]).includes(key)) throw new UsageError(`unknown config key "${key}"`, `keys: ${KEYS.join(', ')}`);
  return key as ConfigKey;
}

export function configCommand(ctx: Context): Command {
  const opts = async (): Promise<ConfigOptions> => ({ io: ctx.io, settings: await ctx.settings(), profile: await ctx.profileName(), json: ctx.globals.json, quiet: ctx.globals.quiet });
  const keyHelp = KEYS.map((k) => `  ${k.padEnd(10)} ${CONFIG_KEYS[k].describe}`).join('\n');
  const cmd = new Command('config').description('Read and change settings of the profile').addHelpText('after', `\nKeys:\n${keyHelp}`);
  cmd
    .command('get')
    .description('Print one setting')
    .addArgument(new Argument('<key>', 'setting').choices(KEYS))
    .addHelpText('after', '\nExample:\n  $ tokencli config get model')
    .action(async (key: string) => configGetRun({ ...(await opts()), key: parseKey(key) }));
  cmd
    .command('set')
    .description('Change one setting')
    .addArgument(new Argument('<key>', 'setting').choices(KEYS))
    .argument('<value>', 'new value')
    .addHelpText('after', '\nExamples:\n  $ tokencli config set model demo-pro\n  $ tokencli config set api_url https://tokens.example.com')
    .action(async (key: string, value: string) => configSetRun({ ...(await opts()), key: parseKey(key), value }));
  cmd
    .command('list')
    .description('Print every setting of the profile')
    .addHelpText('after', '\nExample:\n  $ tokencli config list --json')
    .action(async () => configListRun(await opts()));
  return cmd;
}

function valuesOf(opts: ConfigOptions): Record<ConfigKey, string | null> {
  const p = opts.settings.profile(opts.profile);
  return { model: p?.model ?? null, api_url: p?.api_url ?? null, tz: p?.tz ?? null };
}

export async function configGetRun(opts: ConfigOptions & { key: ConfigKey }): Promise<void> {
  const value = valuesOf(opts)[opts.key];
  if (opts.json) return printJson(opts.io, { profile: opts.profile, key: opts.key, value });
  if (value !== null) opts.io.out(`${value}\n`);
}

export async function configSetRun(opts: ConfigOptions & { key: ConfigKey; value: string }): Promise<void> {
  if (opts.key === 'api_url') checkUrl(opts.value, true);
  if (opts.key === 'tz' && !isTimeZone(opts.value)) throw new UsageError(`not a time zone: ${opts.value}`, 'use an IANA name such as Asia/Shanghai or Europe/Berlin');
  const settings = opts.settings;
  const current = settings.profile(opts.profile) ?? { provider: 'tokenplan' as const, api_url: DEFAULT_TOKENPLAN_URL };
  settings.saveProfile(opts.profile, { ...current, [opts.key]: opts.value });
  if (opts.json) printJson(opts.io, { profile: opts.profile, key: opts.key, value: opts.value });
  success(opts.io, opts.quiet, `Set ${opts.key} = ${opts.value} (profile "${opts.profile}")`);
}

export async function configListRun(opts: ConfigOptions): Promise<void> {
  const values = valuesOf(opts);
  if (opts.json) return printJson(opts.io, { profile: opts.profile, settings: values, path: opts.settings.path });
  printRows(opts.io, ['key', 'value'], KEYS.map((k) => [k, values[k] ?? '']));
}
