/**
 * Issue 16's "done means": real Chromium (Debian's, driven by playwright-core; scripts/ensure-browser.sh
 * installs it) at a phone's width opens the URL that `tokencli login --web --no-browser` printed, types
 * the phone number and the SMS code from the server's outbox, and approves; the CLI ends logged in.
 * A denial (in Chinese) and an expired code end the CLI with one-line errors and exit 4. Each page
 * state is saved as a screenshot (the directory is printed) and its visible text checked.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { userAt } from '../helpers/cli.js';
import { lastDeviceSms, startWebLogin } from '../helpers/device-web.js';
import { tempDir } from '../helpers/procs.js';
import { startServe, type Served } from '../helpers/serve.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`skipped: ${CHROMIUM} is missing (npm test installs it through scripts/ensure-browser.sh)`);

const shots = tempDir('tokencli-device-screens-');
let s: Served;
/** A server whose codes live two seconds, for the expiry test. */
let short: Served;
let browser: BrowserContext;

beforeAll(async () => {
  if (!haveChromium) return;
  [s, short] = await Promise.all([
    startServe(['--device-interval', '1'], { smsOutbox: true }),
    startServe(['--device-interval', '1', '--device-code-ttl', '2'], { smsOutbox: true }),
  ]);
  const profile = join(tempDir('tokencli-chromium-'), 'profile');
  mkdirSync(profile);
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 390, height: 760 },
  });
  console.log(`device-login screenshots: ${shots}`);
}, 60_000);
afterAll(async () => {
  // The browser first: a server's graceful stop waits for connections Chromium holds open (preconnects).
  await browser?.close();
  await Promise.all([s?.stop(), short?.stop()]);
});

/** Saves the page as `name`.png and returns its visible text. */
async function shoot(page: Page, name: string): Promise<string> {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  return page.innerText('body');
}

/** Clicks a submit button and returns the status of the page the browser lands on (after any 303). */
async function submit(page: Page, button: string): Promise<number> {
  const landed = page.waitForResponse((r) => r.request().isNavigationRequest() && r.status() !== 303);
  await page.getByRole('button', { name: button }).click();
  const status = (await landed).status();
  await page.waitForLoadState('load');
  return status;
}

/** A tab whose requests ask for `acceptLanguage`, as a browser set to that language does. */
async function newPage(acceptLanguage = 'en-GB,en;q=0.9'): Promise<Page> {
  const page = await browser.newPage();
  await page.setExtraHTTPHeaders({ 'accept-language': acceptLanguage });
  return page;
}

describe.skipIf(!haveChromium)('login --web in Chromium', () => {
  test('approve: code, phone, a wrong then the right SMS code, approve; the CLI ends logged in', async () => {
    const u = userAt();
    const login = startWebLogin(u.home, ['--api-url', s.url]);
    const url = await login.url;
    const userCode = await login.userCode;
    const page = await newPage();

    await page.goto(url);
    expect(await page.inputValue('#user_code')).toBe(userCode);
    expect(await shoot(page, '1-code-en')).toContain('Enter the code shown in your terminal');
    // At a phone's width nothing spills sideways.
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);

    expect(await submit(page, 'Continue')).toBe(200);
    expect(page.url()).toBe(`${s.url}/device/phone`);
    expect(await shoot(page, '2-phone-en')).toMatch(/“[^”]+” asks to sign in/);

    await page.fill('#phone', '135 0013 5000');
    expect(await submit(page, 'Send code')).toBe(200);
    expect(await shoot(page, '3-sms-en')).toContain('We sent a 6-digit code to +86 135****5000');
    const code = lastDeviceSms(s, '+8613500135000');

    await page.fill('#sms_code', code === '000000' ? '000001' : '000000');
    expect(await submit(page, 'Verify')).toBe(400);
    expect(await shoot(page, '4-sms-wrong-en')).toContain('Wrong code: 4 attempts left.');

    await page.fill('#sms_code', code);
    expect(await submit(page, 'Verify')).toBe(200);
    const confirm = await shoot(page, '5-confirm-en');
    expect(confirm).toContain('Approve this sign-in?');
    expect(confirm).toContain('No account has this number yet: approving creates one.');

    expect(await submit(page, 'Approve')).toBe(200);
    expect(await shoot(page, '6-approved-en')).toContain('is now signed in');

    const done = await login.done;
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).toContain(`Logged in to ${s.url} as +86 135****5000`);
    const status = await u.run(['auth', 'status', '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ status: 'ok', api_url: s.url, account: { name: '+86 135****5000' } });
    await page.close();
  });

  test('deny, in Chinese: the CLI ends with a one-line error and exit 4, nothing saved', async () => {
    const u = userAt();
    const login = startWebLogin(u.home, ['--api-url', s.url]);
    const page = await newPage('zh-CN,zh;q=0.9');
    await page.goto(await login.url);
    expect(await shoot(page, '7-code-zh')).toContain('输入终端中显示的代码');
    expect(await submit(page, '继续')).toBe(200);
    await page.fill('#phone', '13400134000');
    expect(await submit(page, '发送验证码')).toBe(200);
    expect(await shoot(page, '8-sms-zh')).toContain('6 位验证码已发送至 +86 134****4000');
    await page.fill('#sms_code', lastDeviceSms(s, '+8613400134000'));
    expect(await submit(page, '验证')).toBe(200);
    expect(await shoot(page, '9-confirm-zh')).toContain('是否批准此次登录？');
    expect(await submit(page, '拒绝')).toBe(200);
    expect(await shoot(page, '10-denied-zh')).toContain('已拒绝登录');

    const done = await login.done;
    expect(done.code).toBe(4);
    expect(done.stderr).toContain('login denied in the browser: no key was saved');
    expect(existsSync(join(u.home, 'credentials.json'))).toBe(false);
    await page.close();
  });

  test('expired: the CLI gives up with exit 4, the page answers 410', async () => {
    const u = userAt();
    const login = startWebLogin(u.home, ['--api-url', short.url]);
    const page = await newPage();
    await page.goto(await login.url);
    const done = await login.done;
    expect(done.code).toBe(4);
    expect(done.stderr).toMatch(/the code [A-Z]{4}-[A-Z]{4} expired before the login was approved: no key was saved/);
    expect(await submit(page, 'Continue')).toBe(410);
    expect(await shoot(page, '11-expired-en')).toContain('This code has expired');
    expect(existsSync(join(u.home, 'credentials.json'))).toBe(false);
    await page.close();
  });
});
