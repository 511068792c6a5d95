/** `login --web`'s flags and where it may open a browser (the flow itself runs in test/e2e/device-*.e2e.test.ts). */
import { describe, expect, test } from 'vitest';
import { hasBrowser } from '../../../src/cli/commands/login/browser.js';
import { loginCommand, type LoginOptions } from '../../../src/cli/commands/login/login.js';
import { optionsOf, seam } from '../../helpers/seam.js';

describe('where login --web opens a browser', () => {
  const tty = { stderrIsTTY: true };
  test.each([
    [{ env: { DISPLAY: ':0' }, platform: 'linux', ...tty }, true],
    [{ env: { WAYLAND_DISPLAY: 'wayland-0' }, platform: 'linux', ...tty }, true],
    [{ env: {}, platform: 'linux', ...tty }, false],
    [{ env: {}, platform: 'darwin', ...tty }, true],
    [{ env: { CI: 'true' }, platform: 'darwin', ...tty }, false],
    [{ env: { DISPLAY: ':0', CI: '1' }, platform: 'linux', ...tty }, false],
    [{ env: { DISPLAY: ':0' }, platform: 'linux', stderrIsTTY: false }, false],
  ] as const)('%j → %s', (place, expected) => {
    expect(hasBrowser({ ...place, env: { ...place.env } })).toBe(expected);
  });
});

describe('login flags', () => {
  test('--web names the device after this machine; --no-browser never opens one', async () => {
    const { ctx } = await seam();
    const opts = await optionsOf<LoginOptions>(ctx, (runF) => loginCommand(ctx, runF), ['login', '--web', '--no-browser']);
    expect(opts.web?.deviceName).toBeTruthy();
    expect(await opts.web!.openBrowser('http://127.0.0.1:1/device')).toBe(false);
    const plain = await optionsOf<LoginOptions>(ctx, (runF) => loginCommand(ctx, runF), ['login']);
    expect(plain.web).toBeUndefined();
  });
});
