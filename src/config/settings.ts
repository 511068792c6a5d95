/** Profile and setting types and defaults; the store itself is in settings-store.ts. */

import type { ProviderKind } from '../shared/providers.js';

export { PROVIDER_KINDS, type ProviderKind } from '../shared/providers.js';

export interface Profile {
  provider: ProviderKind;
  api_url: string;
  /** Default model for `run`. */
  model?: string;
  /** Time zone of budget periods. */
  tz?: string;
  /** Whether `run` keeps what was asked and answered (`off`: counts only). */
  history?: 'on' | 'off';
  /** Whether answers shown on a terminal are rendered as markdown (`off`: as they came, made safe). */
  render?: 'on' | 'off';
}

export interface SettingsShape {
  current_profile: string;
  profiles: Record<string, Profile>;
}

export const DEFAULT_PROFILE = 'default';
export const DEFAULT_TOKENPLAN_URL = 'http://127.0.0.1:8787';

/** Keys `config get|set` accept; each belongs to the profile in use. */
export const CONFIG_KEYS = {
  model: { describe: 'default model for `run`' },
  api_url: { describe: 'the provider base URL' },
  tz: { describe: 'IANA time zone for budget periods (default: the local one)' },
  history: { describe: 'on (default) keeps each run\'s prompt and answer for `logs` and `run -c`; off keeps counts only' },
  render: { describe: 'on (default) renders answers shown on a terminal as markdown; off shows them as they came' },
} as const;
export type ConfigKey = keyof typeof CONFIG_KEYS;
