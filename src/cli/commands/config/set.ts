/** `tokencli config set KEY VALUE`: change one setting of the profile, checked before it is saved. */
import { Argument, Command } from 'commander';
import { DEFAULT_TOKENPLAN_URL, type ConfigKey } from '../../../config/settings.js';
import { isTimeZone } from '../../../ledger/periods.js';
import { checkUrl, type Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { success } from '../../io/messages.js';
import { printJson } from '../../io/json.js';
import { configOptions, KEYS, parseKey, type ConfigOptions } from './shared.js';

export function configSetCommand(ctx: Context, runF = configSetRun): Command {
  return new Command('set')
    .description('Change one setting')
    .addArgument(new Argument('<key>', 'setting').choices(KEYS))
    .argument('<value>', 'new value')
    .addHelpText('after', '\nExamples:\n  $ tokencli config set model demo-pro\n  $ tokencli config set api_url https://tokens.example.com\n  $ tokencli config set render off')
    .action(async (key: string, value: string) => runF({ ...(await configOptions(ctx)), key: parseKey(key), value }));
}

export async function configSetRun(opts: ConfigOptions & { key: ConfigKey; value: string }): Promise<void> {
  if (opts.key === 'api_url') checkUrl(opts.value, true);
  if ((opts.key === 'history' || opts.key === 'render') && opts.value !== 'on' && opts.value !== 'off') throw new UsageError(`${opts.key} is on or off, not "${opts.value}"`);
  if (opts.key === 'tz' && !isTimeZone(opts.value)) throw new UsageError(`not a time zone: ${opts.value}`, 'use an IANA name such as Asia/Shanghai or Europe/Berlin');
  const settings = opts.settings;
  const current = settings.profile(opts.profile) ?? { provider: 'tokenplan' as const, api_url: DEFAULT_TOKENPLAN_URL };
  settings.saveProfile(opts.profile, { ...current, [opts.key]: opts.value });
  if (opts.json) printJson(opts.io, { profile: opts.profile, key: opts.key, value: opts.value });
  success(opts.io, opts.quiet, `Set ${opts.key} = ${opts.value} (profile "${opts.profile}")`);
}
