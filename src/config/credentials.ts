/** API keys, per profile, in a file of mode 0600 inside a directory of mode 0700. */
import { JsonFile } from './json-file.js';

interface CredentialsFile {
  profiles: Record<string, { api_key: string }>;
}

export class CredentialStore {
  private readonly file: JsonFile<CredentialsFile>;

  constructor(path: string) {
    this.file = new JsonFile<CredentialsFile>(path, () => ({ profiles: {} }), 0o600);
  }

  get(profile: string): string | undefined {
    return this.file.read().profiles[profile]?.api_key;
  }

  set(profile: string, apiKey: string): void {
    this.file.update((d) => (d.profiles[profile] = { api_key: apiKey }));
  }

  /** Returns whether a key was stored. */
  delete(profile: string): boolean {
    let removed = false;
    this.file.update((d) => {
      removed = profile in d.profiles;
      delete d.profiles[profile];
    });
    return removed;
  }
}
