/**
 * API keys, per profile, in a file of mode 0600 inside a directory of mode 0700. Written through a
 * temporary file and a rename, so a crash never leaves half a file.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

interface CredentialsFile {
  profiles: Record<string, { api_key: string }>;
}

export class CredentialStore {
  constructor(private readonly file: string) {}

  private read(): CredentialsFile {
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<CredentialsFile>;
      return { profiles: parsed.profiles ?? {} };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { profiles: {} };
      throw new Error(`cannot read ${this.file}: ${(e as Error).message}`);
    }
  }

  private write(data: CredentialsFile): void {
    const dir = dirname(this.file);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    chmodSync(dir, 0o700);
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data, null, 2) + '\n', { mode: 0o600 });
    renameSync(tmp, this.file);
  }

  get(profile: string): string | undefined {
    return this.read().profiles[profile]?.api_key;
  }

  set(profile: string, apiKey: string): void {
    const data = this.read();
    data.profiles[profile] = { api_key: apiKey };
    this.write(data);
  }

  /** Returns whether a key was stored. */
  delete(profile: string): boolean {
    const data = this.read();
    if (!(profile in data.profiles)) return false;
    delete data.profiles[profile];
    this.write(data);
    return true;
  }
}
