/** Settings and credentials files: what is read is checked and named; secrets stay private. */
import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CredentialStore, keyProblem } from '../../src/config/credentials.js';
import { LocalFileError } from '../../src/config/json-file.js';
import { Settings } from '../../src/config/settings-store.js';
import { tempDir } from '../helpers/procs.js';

describe('config files', () => {
  test('settings round-trip, and a profile renamed or removed takes the current profile with it', () => {
    const dir = tempDir();
    const s = new Settings(dir);
    s.saveProfile('work', { provider: 'tokenplan', api_url: 'http://127.0.0.1:1' });
    s.useProfile('work');
    s.renameProfile('work', 'office');
    expect(new Settings(dir).currentProfile()).toBe('office');
    expect(s.removeProfile('office')).toBe(true);
    expect(new Settings(dir).currentProfile()).toBe('default');
    expect(statSync(join(dir, 'config.json')).mode & 0o777).toBe(0o600);
  });

  test.each([
    ['{"current_profile": 7}', /current_profile must be a non-empty string/],
    ['{"profiles": {"a": {"provider": "tokenplan", "api_url": "not a url"}}}', /profiles\.a\.api_url is not a URL/],
    ['{"profiles": {"a": {"provider": "tokenplan", "api_url": "http://x", "model": 3}}}', /profiles\.a\.model must be a non-empty string/],
  ])('settings %s are refused, naming the field', (text, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'config.json'), text);
    const read = () => new Settings(dir).profiles();
    expect(read).toThrow(LocalFileError);
    expect(read).toThrow(message);
  });

  test('credentials: a key with whitespace is refused where it is read, without repeating it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'credentials.json'), JSON.stringify({ profiles: { a: { api_key: 'tp_secret secret' } } }), { mode: 0o600 });
    const e = (() => {
      try {
        new CredentialStore(join(dir, 'credentials.json')).get('a');
      } catch (x) {
        return x as Error;
      }
    })();
    expect(e).toBeInstanceOf(LocalFileError);
    expect(e!.message).not.toContain('secret');
    expect(keyProblem('tp_ok')).toBeUndefined();
    expect(keyProblem('tp_ok\n')).toMatch(/whitespace/);
    expect(keyProblem('tp_ok\u00e9')).toMatch(/HTTP header/);
  });

  test('credentials readable by others are repaired and reported', () => {
    const dir = tempDir();
    const file = join(dir, 'credentials.json');
    writeFileSync(file, JSON.stringify({ profiles: {} }));
    chmodSync(file, 0o644);
    const told: string[] = [];
    new CredentialStore(file, (m) => told.push(m)).get('a');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(told[0]).toMatch(/was readable by others \(mode 644\); it is now 600/);
  });
});
