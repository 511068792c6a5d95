/**
 * Settings and profiles, kept by conf in the config directory. Secrets never live here: they are
 * in the credentials file. conf is slow to load, so only commands that need settings import this.
 */
import Conf from 'conf';
import { DEFAULT_PROFILE, type Profile, type SettingsShape } from './settings.js';

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
