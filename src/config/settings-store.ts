/** Settings and profiles in `config.json` in the config directory. Secrets never live here. */
import { join } from 'node:path';
import { JsonFile } from './json-file.js';
import { DEFAULT_PROFILE, type Profile, type SettingsShape } from './settings.js';

export class Settings {
  private readonly file: JsonFile<SettingsShape>;

  constructor(configDir: string) {
    this.file = new JsonFile<SettingsShape>(join(configDir, 'config.json'), () => ({ current_profile: DEFAULT_PROFILE, profiles: {} }));
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
}
