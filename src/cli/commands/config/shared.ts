/** What the config verbs share: the keys, their parsing, and the profile's current values. */
import { CONFIG_KEYS, type ConfigKey } from '../../../config/settings.js';
import type { Settings } from '../../../config/settings-store.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import type { IOStreams } from '../../io/streams.js';

export interface ConfigOptions {
  io: IOStreams;
  settings: Settings;
  profile: string;
  json: boolean;
  quiet: boolean;
}

export const KEYS = Object.keys(CONFIG_KEYS) as ConfigKey[];

export function parseKey(key: string): ConfigKey {
  if (!(KEYS as string[]).includes(key)) throw new UsageError(`unknown config key "${key}"`, `keys: ${KEYS.join(', ')}`);
  return key as ConfigKey;
}

export const configOptions = async (ctx: Context): Promise<ConfigOptions> => ({ io: ctx.io, settings: await ctx.settings(), profile: await ctx.profileName(), json: ctx.globals.json, quiet: ctx.globals.quiet });

export function valuesOf(opts: ConfigOptions): Record<ConfigKey, string | null> {
  const p = opts.settings.profile(opts.profile);
  return { model: p?.model ?? null, api_url: p?.api_url ?? null, tz: p?.tz ?? null };
}
