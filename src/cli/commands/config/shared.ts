/** What the config verbs share: the keys, their parsing, and the profile's current values. */
import { CONFIG_KEYS, type ConfigKey } from '../../../config/settings.js';
import type { Settings } from '../../../config/settings-store.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import type { IOStreams } from '../../io/streams.js';

export type Source = 'flag' | 'env' | 'profile' | 'default';

export interface ConfigOptions {
  io: IOStreams;
  settings: Settings;
  profile: string;
  json: boolean;
  quiet: boolean;
  /** What is in force for each key and where it comes from: a flag, the environment, the profile, a default. */
  effective: () => Promise<Record<ConfigKey, { value: string | null; source: Source }>>;
}

export const KEYS = Object.keys(CONFIG_KEYS) as ConfigKey[];

export function parseKey(key: string): ConfigKey {
  if (!(KEYS as string[]).includes(key)) throw new UsageError(`unknown config key "${key}"`, `keys: ${KEYS.join(', ')}`);
  return key as ConfigKey;
}

export const configOptions = async (ctx: Context): Promise<ConfigOptions> => ({
  io: ctx.io,
  settings: await ctx.settings(),
  profile: await ctx.profileName(),
  json: ctx.globals.json,
  quiet: ctx.globals.quiet,
  effective: async () => {
    const p = await ctx.profile();
    const env = ctx.env.TOKENCLI_API_URL || undefined;
    const apiUrl = ctx.globals.apiUrl !== undefined ? { value: ctx.globals.apiUrl, source: 'flag' as const } : env ? { value: env, source: 'env' as const } : p ? { value: p.api_url, source: 'profile' as const } : { value: await ctx.apiUrl(), source: 'default' as const };
    return {
      api_url: apiUrl,
      model: p?.model ? { value: p.model, source: 'profile' } : { value: null, source: 'default' },
      tz: p?.tz ? { value: p.tz, source: 'profile' } : { value: await ctx.timeZone(), source: 'default' },
      history: p?.history ? { value: p.history, source: 'profile' } : { value: 'on', source: 'default' },
      render: p?.render ? { value: p.render, source: 'profile' } : { value: 'on', source: 'default' },
    };
  },
});

export function valuesOf(opts: ConfigOptions): Record<ConfigKey, string | null> {
  const p = opts.settings.profile(opts.profile);
  return { model: p?.model ?? null, api_url: p?.api_url ?? null, tz: p?.tz ?? null, history: p?.history ?? null, render: p?.render ?? null };
}
