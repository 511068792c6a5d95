/**
 * Settings and profiles, kept by conf in the config directory. Secrets never live here: they are
 * in the credentials file.
 */
import Conf from 'conf';

export const PROVIDER_KINDS = ['tokenplan'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export interface Profile {
  provider: ProviderKind;
  api_url: string;
  /** Default model for `run`. */
  model?: string;
}

interface SettingsShape {
  current_profile: string;
  profiles: Record<string, Profile>;
}

export const DEFAULT_PROFILE = 'default';
export const DEFAULT_TOKENPLAN_URL = 'http://127.0.0.1:8787';

/** Keys `config get|set` accept, and what each is scoped to. */
export const CONFIG_KEYS = {
  model: { scope: 'profile', describe: 'default model for `run`' },
  api_url: { scope: 'profile', describe: 'the provider base URL' },
} as const;
export type ConfigKey = keyof typeof CONFIG_KEYS;

export class Settings {
  private readonly conf: Conf<SettingsShape>;

  constructor(configDir: string) {
    this.conf = new Conf<SettingsShape>({
      cwd: configDir,
      configName: 'config',
      projectName: 'tokencli',
      defaults: { current_profile: DEFAULT_PROFILE, profiles: {} },
      // No schema migrations yet; conf's own versioned migrations can be added with projectVersion.
    });
  }

  get path(): string {
    return this.conf.path;
  }

  currentProfile(): string {
    return this.conf.get('current_profile');
  }

  useProfile(name: string): void {
    this.conf.set('current_profile', name);
  }

  profiles(): Record<string, Profile> {
    return this.conf.get('profiles');
  }

  profile(name: string): Profile | undefined {
    return this.profiles()[name];
  }

  saveProfile(name: string, profile: Profile): void {
    this.conf.set('profiles', { ...this.profiles(), [name]: profile });
  }

  deleteProfile(name: string): void {
    const { [name]: _removed, ...rest } = this.profiles();
    this.conf.set('profiles', rest);
  }
}
