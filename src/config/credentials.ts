/**
 * API keys, per profile, in a file of mode 0600 inside a directory of mode 0700. A key is checked
 * where it is read (file, environment, stdin): whitespace or control characters in it would
 * otherwise reach an HTTP header, whose error message echoes the whole key.
 */
import { expectRecord, expectString, JsonFile, LocalFileError } from './json-file.js';

interface CredentialsFile {
  profiles: Record<string, { api_key: string }>;
}

/** Why a key cannot be used, without repeating the key; undefined when it is fine. */
export function keyProblem(key: string): string | undefined {
  if (/[\s\x00-\x1f\x7f]/.test(key)) return 'contains whitespace or a control character (a pasted newline?)';
  if (!/^[\x21-\x7e]+$/.test(key)) return 'contains characters that cannot travel in an HTTP header';
  return undefined;
}

const HINT = 'run `tokencli login` again for that profile, or fix the file';

function parseCredentials(raw: unknown, path: string): CredentialsFile {
  const root = expectRecord(raw, path, 'the file', HINT);
  // A file that forgot the "profiles" wrapper must not read as "no keys at all".
  const unknown = Object.keys(root).filter((k) => k !== 'profiles');
  if (unknown.length > 0) throw new LocalFileError(path, `unexpected field "${unknown[0]}" (keys belong under "profiles")`, HINT);
  const profiles = expectRecord(root.profiles === undefined ? {} : root.profiles, path, 'profiles', HINT);
  for (const [name, entry] of Object.entries(profiles)) {
    const key = expectString(expectRecord(entry, path, `profiles.${name}`, HINT).api_key, path, `profiles.${name}.api_key`, HINT);
    const problem = keyProblem(key);
    if (problem) throw new LocalFileError(path, `the key of profile "${name}" ${problem}`, HINT);
  }
  return { profiles: profiles as CredentialsFile['profiles'] };
}

export class CredentialStore {
  private readonly file: JsonFile<CredentialsFile>;

  constructor(path: string, onRepair?: (message: string) => void) {
    this.file = new JsonFile<CredentialsFile>(path, {
      fallback: () => ({ profiles: {} }),
      parse: parseCredentials,
      mode: 0o600,
      ...(onRepair ? { onRepair } : {}),
    });
  }

  get(profile: string): string | undefined {
    return this.file.read().profiles[profile]?.api_key;
  }

  set(profile: string, apiKey: string): void {
    this.file.update((d) => (d.profiles[profile] = { api_key: apiKey }));
  }

  rename(from: string, to: string): void {
    this.file.update((d) => {
      if (!(from in d.profiles)) return;
      d.profiles[to] = d.profiles[from]!;
      delete d.profiles[from];
    });
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
