/** What a person at a terminal sees: prompts, a masked key, a confirmation, and Ctrl-C. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { userAt } from '../helpers/cli.js';
import { KEY, onPty } from '../helpers/pty.js';
import { api, startServe, type Served } from '../helpers/serve.js';

let s: Served;
beforeAll(async () => {
  s = await startServe();
});
afterAll(() => s.stop());

describe('on a terminal', () => {
  test('interactive login asks for the provider, the URL and a masked key, then saves it', async () => {
    const u = userAt();
    const pty = onPty(['login'], { home: u.home });
    await pty.waitFor(/What do you want to log in to\?/);
    pty.type(KEY.enter);
    await pty.waitFor(/API URL/);
    pty.type(s.url + KEY.enter);
    await pty.waitFor(/Paste your API key/);
    pty.type(s.key + KEY.enter);
    expect(await pty.exit()).toBe(0);
    expect(pty.screen()).toMatch(/Logged in to .* as demo/);
    expect(pty.screen()).not.toContain(s.key);
    expect(JSON.parse(readFileSync(join(u.home, 'credentials.json'), 'utf8')).profiles.default.api_key).toBe(s.key);
  });

  test('a refused key is asked for again; a profile that would change is not replaced without a yes (here: added as another)', async () => {
    const u = userAt();
    const first = onPty(['login', '--api-url', s.url], { home: u.home });
    await first.waitFor(/What do you want to log in to\?/);
    first.type(KEY.enter);
    await first.waitFor(/Paste your API key/);
    first.type('tp_' + 'w'.repeat(40) + KEY.enter);
    await first.waitFor(/the provider refused that key: try again \(2 left\)/);
    first.type(s.key + KEY.enter);
    expect(await first.exit()).toBe(0);

    const other = await startServe();
    try {
      const second = onPty(['login', '--api-url', other.url], { home: u.home });
      await second.waitFor(/profile "default" is tokenplan at .*\. Replace it\?/);
      second.type('n' + KEY.enter);
      await second.waitFor(/Name of the new profile/);
      second.type('second' + KEY.enter);
      await second.waitFor(/Paste your API key/);
      second.type(other.key + KEY.enter);
      expect(await second.exit()).toBe(0);
      const profiles = JSON.parse((await u.run(['profiles', '--json'])).stdout).profiles;
      expect(profiles.map((p: any) => [p.name, p.api_url])).toEqual([['default', s.url], ['second', other.url]]);
      // Without a terminal, the same change is refused unless --force.
      const piped = await u.run(['login', '--with-token', '--api-url', other.url, '--profile', 'default'], { input: other.key });
      expect(piped.code).toBe(2);
      expect(piped.stderr).toMatch(/profile "default" is tokenplan at .*: not replaced\npass --force/);
      expect((await u.run(['login', '--with-token', '--force', '--api-url', other.url, '--profile', 'default'], { input: other.key })).code).toBe(0);
    } finally {
      await other.stop();
    }
  });

  test('Ctrl-C at the key prompt exits 130 and saves nothing', async () => {
    const u = userAt();
    const pty = onPty(['login', '--api-url', s.url], { home: u.home });
    await pty.waitFor(/What do you want to log in to\?/);
    pty.type(KEY.enter);
    await pty.waitFor(/Paste your API key/);
    pty.type('tp_half');
    pty.type(KEY.ctrlC);
    expect(await pty.exit()).toBe(130);
    expect(existsSync(join(u.home, 'credentials.json'))).toBe(false);
  });

  test('purchase shows the charge and asks; "no" buys nothing, "yes" buys once', async () => {
    const u = userAt();
    await u.run(['login', '--with-token', '--api-url', s.url], { input: s.key });
    const before = (await api(s.url, '/v1/purchases', { key: s.key })).json.data.length;
    const declined = onPty(['plan', 'purchase', 'basic'], { home: u.home });
    await declined.waitFor(/Buy Basic: 5,000,000 tokens for ¥10\.00, valid 30 days\?/);
    declined.type('n' + KEY.enter);
    expect(await declined.exit()).toBe(1);
    expect(declined.screen()).toMatch(/nothing was charged/);
    expect((await api(s.url, '/v1/purchases', { key: s.key })).json.data.length).toBe(before);

    const accepted = onPty(['plan', 'purchase', 'basic'], { home: u.home });
    await accepted.waitFor(/Buy Basic/);
    accepted.type('y' + KEY.enter);
    expect(await accepted.exit()).toBe(0);
    expect(accepted.screen()).toMatch(/Bought Basic/);
    expect(accepted.screen()).toMatch(/PURCHASE\s+PACK\s+TOKENS/);
    expect((await api(s.url, '/v1/purchases', { key: s.key })).json.data.length).toBe(before + 1);
  });
});
