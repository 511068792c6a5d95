/**
 * Settings and profiles in `config.json` in the config directory. Secrets never live here. A file
 * of the wrong shape is an error naming the field: falling back to defaults would send the stored
 * key of a profile to the built-in URL.
 */
import { join } from 'node:path';
import { describe, expectRecord, expectString, JsonFile, LocalFileError } from './json-file.js';
import { DEFAULT_PROFILE, PROVIDER_KINDS, type Profile, type ProviderKind, type SettingsShape } from './settings.js';

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const HINT = 'fix the file (`tokencli config set` and `tokencli login` write it), or move it away to start over';

function parseSettings(raw: unknown, path: string): SettingsShape {
  const root = expectRecord(raw, path, 'the file', HINT);
  const current = root.current_profile === undefined ? DEFAULT_PROFILE : expectString(root.current_profile, path, 'current_profile', HINT);
  const profiles = expectRecord(root.profiles === undefined ? {} : root.profiles, path, 'profiles', HINT);
  for (const [name, value] of Object.entries(profiles)) parseProfile(value, path, `profiles.${name}`);
  return { ...root, current_profile: current, profiles: profiles as Record<string, Profile> };
}

function parseProfile(value: unknown, path: string, field: string): void {
  const p = expectRecord(value, path, field, HINT);
  if (!PROVIDER_KINDS.includes(p.provider as ProviderKind)) {
    throw new LocalFileError(path, `${field}.provider must be one of ${PROVIDER_KINDS.join(', ')} (found ${describe(p.provider)})`, HINT);
  }
  const url = expectString(p.api_url, path, `${field}.api_url`, HINT);
  if (!URL.canParse(url)) throw new LocalFileError(path, `${field}.api_url is not a URL (found ${describe(url)})`, HINT);
  for (const optional of ['model', 'tz'] as const) {
    if (p[optional] !== undefined) expectString(p[optional], path, `${field}.${optional}`, HINT);
  }
  if (p.history !== undefined && p.history !== 'on' && p.history !== 'off') throw new LocalFileError(path, `${field}.history must be "on" or "off" (found ${describe(p.history)})`, 'tokencli config set history on|off');
  if (p.render !== undefined && p.render !== 'on' && p.render !== 'off') throw new LocalFileError(path, `${field}.render must be "on" or "off" (found ${describe(p.render)})`, 'tokencli config set render on|off');
  if (p.tz !== undefined && !isTimeZone(p.tz as string)) throw new LocalFileError(path, `${field}.tz is not a time zone (found ${describe(p.tz)})`, 'use an IANA name such as Asia/Shanghai: tokencli config set tz NAME');
}

export class Settings {
  private readonly file: JsonFile<SettingsShape>;

  constructor(configDir: string) {
    this.file = new JsonFile<SettingsShape>(join(configDir, 'config.json'), {
      fallback: () => ({ current_profile: DEFAULT_PROFILE, profiles: {} }),
      parse: parseSettings,
    });
  }

  get path(): string {
    return this.file.path;
  }

  currentProfile(): string {
    return this.file.read().current_profile;
  }

  useProfile(name: string): void {
    this.file.update((d) => (d.current_profile = name));
  }

  profiles(): Record<string, Profile> {
    return this.file.read().profiles;
  }

  profile(name: string): Profile | undefined {
    return this.profiles()[name];
  }

  saveProfile(name: string, profile: Profile): void {
    this.file.update((d) => (d.profiles[name] = profile));
  }

  /** Removes a profile; the current one falls back to the default. Returns whether it existed. */
  removeProfile(name: string): boolean {
    let removed = false;
    this.file.update((d) => {
      removed = name in d.profiles;
      delete d.profiles[name];
      if (d.current_profile === name) d.current_profile = DEFAULT_PROFILE;
    });
    return removed;
  }

  renameProfile(from: string, to: string): void {
    this.file.update((d) => {
      d.profiles[to] = d.profiles[from]!;
      delete d.profiles[from];
      if (d.current_profile === from) d.current_profile = to;
    });
  }
}
