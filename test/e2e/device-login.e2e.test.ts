/**
 * Device logins (RFC 8628) against a real `tokencli serve`: the protocol's edges on the token
 * endpoint, the verification pages driven with plain fetch (status codes, CSRF, attempt limits,
 * languages, escaping), and `tokencli login --web` run as a script would, through to a saved key.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { userAt } from '../helpers/cli.js';
import { tempDir } from '../helpers/procs.js';
import { KEY, onPty } from '../helpers/pty.js';
import { fetchBrowser, lastDeviceSms, pollToken, startDevice, startWebLogin, textOf, verifyPhone } from '../helpers/device-web.js';
import { scriptedServer } from '../helpers/scripted-server.js';
import { api, smsSent, startServe, type Served } from '../helpers/serve.js';

const PHONE = '138 0013 8000';
const E164 = '+8613800138000';

let s: Served;
beforeAll(async () => {
  s = await startServe(['--device-interval', '1'], { smsOutbox: true });
});
afterAll(() => s.stop());

/** Waits out the poll interval the server gave (RFC 8628 §3.5), so a poll is not a slow_down. */
const afterInterval = (seconds: number) => new Promise((r) => setTimeout(r, seconds * 1000 + 50));

describe('the device authorization endpoints', () => {
  test('a code is short and unambiguous; polling too fast adds 5 s to the interval each time', async () => {
    const d = await startDevice(s);
    expect(d.user_code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    expect(d).toMatchObject({ verification_uri: `${s.url}/device`, verification_uri_complete: `${s.url}/device?user_code=${d.user_code}`, expires_in: 900, interval: 1 });
    const first = await pollToken(s, d.device_code);
    expect(first).toMatchObject({ status: 400, json: { error: 'authorization_pending' } });
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect((await pollToken(s, d.device_code)).json).toMatchObject({ error: 'slow_down', interval: 6 });
    expect((await pollToken(s, d.device_code)).json).toMatchObject({ error: 'slow_down', interval: 11 });
  });

  test('bad grants and unknown device codes are refused in OAuth\'s shape', async () => {
    expect((await pollToken(s, 'dc_nope')).json).toMatchObject({ error: 'invalid_grant' });
    const wrongGrant = await api(s.url, '/v1/oauth/token', { body: { grant_type: 'password', device_code: 'x' } });
    expect(wrongGrant).toMatchObject({ status: 400, json: { error: 'unsupported_grant_type' } });
    const noCode = await api(s.url, '/v1/oauth/token', { body: { grant_type: 'urn:ietf:params:oauth:grant-type:device_code' } });
    expect(noCode.json).toMatchObject({ error: 'invalid_request' });
    const badName = await api(s.url, '/v1/oauth/device/code', { body: { client_name: 'x'.repeat(101) } });
    expect(badName).toMatchObject({ status: 400, json: { error: 'invalid_request' } });
  });
});

describe('the verification pages', () => {
  test('in Chinese: code, phone, SMS code, approve; the CLI gets a new key once, named after the device', async () => {
    const d = await startDevice(s, 'build-box');
    const b = fetchBrowser(s.url, 'zh-CN,zh;q=0.9,en;q=0.8');
    const start = await b.get(`/device?user_code=${d.user_code}`);
    expect(start.status).toBe(200);
    expect(start.html).toContain('<html lang="zh-CN">');
    expect(start.html).toContain('name="viewport" content="width=device-width, initial-scale=1"');
    expect(start.html).toContain(`value="${d.user_code}"`);
    expect(textOf(start.html)).toContain('输入终端中显示的代码');
    expect(start.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    // Case and the dash do not matter to a person typing the code.
    expect(await b.post('/device', { user_code: d.user_code.replace('-', '').toLowerCase() })).toMatchObject({ status: 303, location: '/device/phone' });
    expect(textOf((await b.get('/device/phone')).html)).toContain('“build-box”请求登录');
    const badPhone = await b.post('/device/phone', { phone: '12345' });
    expect(badPhone.status).toBe(400);
    expect(textOf(badPhone.html)).toContain('无法向该号码发送短信');
    expect(badPhone.html).toContain('value="12345"');
    expect(await b.post('/device/phone', { phone: PHONE })).toMatchObject({ status: 303, location: '/device/verify' });
    expect(textOf((await b.get('/device/verify')).html)).toContain('6 位验证码已发送至 +86 138****8000');
    const sms = smsSent(s).at(-1)!;
    expect(sms).toMatchObject({ to: E164, purpose: 'device_login' });
    expect(sms.text).toContain(sms.code);
    const wrong = await b.post('/device/verify', { sms_code: sms.code === '000000' ? '000001' : '000000' });
    expect(wrong.status).toBe(400);
    expect(textOf(wrong.html)).toContain('验证码错误，还可尝试 4 次');
    expect(await b.post('/device/verify', { sms_code: sms.code! })).toMatchObject({ status: 303, location: '/device/confirm' });
    const confirm = textOf((await b.get('/device/confirm')).html);
    expect(confirm).toContain('+86 138****8000');
    expect(confirm).toContain('该号码尚无账户：批准后将创建新账户');
    expect(await b.post('/device/decision', { decision: 'approve' })).toMatchObject({ status: 303, location: '/device/done' });
    expect(textOf((await b.get('/device/done')).html)).toContain('登录成功');

    await afterInterval(d.interval);
    const token = await pollToken(s, d.device_code);
    expect(token).toMatchObject({ status: 200, json: { token_type: 'Bearer' } });
    const key = token.json.access_token as string;
    expect(key).toMatch(/^tp_[0-9A-Za-z]{40}$/);
    expect((await api(s.url, '/v1/account', { key })).json).toMatchObject({ name: '+86 138****8000' });
    const keys = (await api(s.url, '/v1/account/keys', { key })).json.data;
    expect(keys).toEqual([expect.objectContaining({ prefix: key.slice(0, 11), name: 'build-box', revoked_at: null })]);

    // Single use: the device code gave its key, the user code is spent.
    await afterInterval(d.interval);
    expect((await pollToken(s, d.device_code)).json).toMatchObject({ error: 'invalid_grant' });
    const reused = await fetchBrowser(s.url).post('/device', { user_code: d.user_code });
    expect(reused.status).toBe(403);
    const b2 = fetchBrowser(s.url);
    await b2.get('/device');
    const used = await b2.post('/device', { user_code: d.user_code });
    expect(used.status).toBe(410);
    expect(textOf(used.html)).toContain('This code was already used');

    // The same phone signs in to the same account; the account revokes the first key.
    const d2 = await startDevice(s, 'second-laptop');
    const b3 = fetchBrowser(s.url);
    await verifyPhone(b3, s, d2.user_code, `+86${PHONE}`, E164);
    expect(textOf((await b3.get('/device/confirm')).html)).not.toContain('creates one');
    await b3.post('/device/decision', { decision: 'approve' });
    await afterInterval(d2.interval);
    const key2 = (await pollToken(s, d2.device_code)).json.access_token as string;
    expect((await api(s.url, '/v1/account', { key: key2 })).json.name).toBe('+86 138****8000');
    const revoked = await api(s.url, `/v1/account/keys/${key.slice(3, 11)}`, { key: key2, method: 'DELETE' });
    expect(revoked).toMatchObject({ status: 200, json: { name: 'build-box', revoked_at: expect.any(String) } });
    expect((await api(s.url, '/v1/account', { key })).status).toBe(401);
    expect((await api(s.url, '/v1/account/keys/nosuchid', { key: key2, method: 'DELETE' })).status).toBe(404);
  });

  test('in English: deny ends the login with access_denied', async () => {
    const d = await startDevice(s, 'someone-else');
    const b = fetchBrowser(s.url);
    await verifyPhone(b, s, d.user_code, '13900139000', '+8613900139000');
    const confirm = await b.get('/device/confirm');
    expect(confirm.html).toContain('<html lang="en">');
    expect(textOf(confirm.html)).toContain('Approve this sign-in?');
    const neither = await b.post('/device/decision', { decision: 'maybe' });
    expect(neither.status).toBe(400);
    expect(textOf(neither.html)).toContain('Choose Approve or Deny.');
    await b.post('/device/decision', { decision: 'deny' });
    const done = await b.get('/device/done');
    expect(done.status).toBe(200);
    expect(textOf(done.html)).toContain('Sign-in denied');
    await afterInterval(d.interval);
    expect((await pollToken(s, d.device_code)).json).toMatchObject({ error: 'access_denied' });
    // A decided login cannot be approved after all.
    expect(await b.post('/device/decision', { decision: 'approve' })).toMatchObject({ status: 303, location: '/device/done' });
    await afterInterval(d.interval);
    expect((await pollToken(s, d.device_code)).json).toMatchObject({ error: 'access_denied' });
  });

  test('forms without the browser\'s CSRF token are refused, and skipping a step redirects back', async () => {
    const d = await startDevice(s);
    const b = fetchBrowser(s.url);
    await b.get('/device');
    expect((await b.post('/device', { user_code: d.user_code, csrf: 'forged' })).status).toBe(403);
    const other = fetchBrowser(s.url);
    await other.get('/device');
    // Another browser's token does not fit this browser's cookie.
    expect((await b.post('/device', { user_code: d.user_code, csrf: other.csrf })).status).toBe(403);
    b.forgetCookie();
    expect((await b.post('/device', { user_code: d.user_code })).status).toBe(403);
    // Not yet past the phone step: the later pages send the browser back to it.
    await b.get('/device');
    await b.post('/device', { user_code: d.user_code });
    expect(await b.get('/device/confirm')).toMatchObject({ status: 303, location: '/device/phone' });
    expect(await b.post('/device/decision', { decision: 'approve' })).toMatchObject({ status: 303, location: '/device/phone' });
    expect(await fetchBrowser(s.url).get('/device/phone')).toMatchObject({ status: 303, location: '/device' });
  });

  test('bad input is 400 with the form again, an unknown code 404; everything typed is escaped', async () => {
    const b = fetchBrowser(s.url);
    const prefilled = await b.get('/device?user_code=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    expect(prefilled.html).not.toContain('<script>');
    expect(prefilled.html).toContain('&quot;&gt;&lt;script&gt;');
    const malformed = await b.post('/device', { user_code: 'AAAA-0000' });
    expect(malformed.status).toBe(400);
    expect(textOf(malformed.html)).toContain('That is not a code');
    const unknown = await b.post('/device', { user_code: 'BBBB-CCCC' });
    expect(unknown.status).toBe(404);
    expect(textOf(unknown.html)).toContain('No sign-in is waiting for that code');

    const d = await startDevice(s, '<img src=x onerror=alert(1)>');
    await b.post('/device', { user_code: d.user_code });
    const phone = await b.get('/device/phone');
    expect(phone.html).not.toContain('<img');
    expect(phone.html).toContain('&lt;img src=x onerror=alert(1)&gt;');

    // A right-to-left override would make the device's name read differently from what it is.
    const disguised = await startDevice(s, 'laptop\u202Egnp.exe');
    const b2 = fetchBrowser(s.url);
    await b2.get('/device');
    await b2.post('/device', { user_code: disguised.user_code });
    const named = await b2.get('/device/phone');
    expect(named.html).not.toContain('\u202E');
    expect(named.html).toContain('laptopgnp.exe');
  });

  test('five wrong SMS codes void the code; three codes sent is the most a login may send', async () => {
    const d = await startDevice(s);
    const b = fetchBrowser(s.url);
    await b.get('/device');
    await b.post('/device', { user_code: d.user_code });
    for (let send = 1; send <= 3; send++) {
      expect((await b.post('/device/phone', { phone: '13700137000' })).location).toBe('/device/verify');
      const right = lastDeviceSms(s, '+8613700137000');
      const wrong = right === '111111' ? '222222' : '111111';
      for (let i = 1; i <= 4; i++) expect((await b.post('/device/verify', { sms_code: wrong })).status).toBe(400);
      const fifth = await b.post('/device/verify', { sms_code: wrong });
      expect(fifth.status).toBe(429);
      // The right code no longer works once voided.
      expect(await b.post('/device/verify', { sms_code: right })).toMatchObject({ status: 303 });
      if (send < 3) expect(textOf(fifth.html)).toContain('Too many wrong codes');
      else expect(textOf(fifth.html)).toContain('Too many codes sent');
    }
    const locked = await b.get('/device/done');
    expect(locked.status).toBe(429);
    expect(await b.post('/device/phone', { phone: '13700137000' })).toMatchObject({ status: 303, location: '/device/done' });
  });
});

describe('codes that expire, and guessing', () => {
  let short: Served;
  beforeAll(async () => {
    short = await startServe(['--device-interval', '1', '--device-code-ttl', '2'], { smsOutbox: true });
  });
  afterAll(() => short.stop());

  test('an expired code is expired_token to the CLI and 410 in the browser', async () => {
    const d = await startDevice(short);
    expect(d.expires_in).toBe(2);
    let poll = await pollToken(short, d.device_code);
    while (poll.json.error === 'authorization_pending') {
      await afterInterval(d.interval);
      poll = await pollToken(short, d.device_code);
    }
    expect(poll.json).toMatchObject({ error: 'expired_token' });
    const b = fetchBrowser(short.url, 'zh');
    await b.get('/device');
    const page = await b.post('/device', { user_code: d.user_code });
    expect(page.status).toBe(410);
    expect(textOf(page.html)).toContain('此代码已过期');
  });

  test('twenty wrong user codes from one address, then 429 even for a right one', async () => {
    const d = await startDevice(short);
    const b = fetchBrowser(short.url);
    await b.get('/device');
    for (let i = 0; i < 20; i++) expect((await b.post('/device', { user_code: 'BBBB-CCCC' })).status).toBe(404);
    const limited = await b.post('/device', { user_code: d.user_code });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(textOf(limited.html)).toMatch(/Too many attempts\. Try again in \d+ seconds/);
  });

  test('one address may start 30 logins at once, then 429 with Retry-After (run last: it uses up the address)', async () => {
    const ask = () => api(short.url, '/v1/oauth/device/code', { body: { client_name: 'many' } });
    let answer = await ask();
    for (let created = 1; answer.status === 200 && created <= 30; created++) answer = await ask();
    expect(answer.status).toBe(429);
    expect(answer.json.error).toMatchObject({ type: 'rate_limit_exceeded' });
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('tokencli login --web, as a script runs it', () => {
  test('code and URL on stderr, the login document on stdout with --json, the key saved as login saves it', async () => {
    const u = userAt();
    const login = startWebLogin(u.home, ['--api-url', s.url, '--json']);
    const userCode = await login.userCode;
    const b = fetchBrowser(s.url);
    await verifyPhone(b, s, userCode, '13600136000', '+8613600136000');
    await b.post('/device/decision', { decision: 'approve' });
    const done = await login.done;
    expect(done.code, done.stderr).toBe(0);
    expect(done.stderr).toContain(`Your one-time code: ${userCode}`);
    expect(JSON.parse(done.stdout)).toMatchObject({ profile: 'default', provider: 'tokenplan', api_url: s.url, account: { name: '+86 136****6000' } });
    const status = await u.run(['auth', 'status', '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ status: 'ok', account: { name: '+86 136****6000' }, key: { source: 'stored' } });
    expect(readFileSync(join(u.home, 'credentials.json'), 'utf8')).toMatch(/tp_[0-9A-Za-z]{40}/);

    // The key is named after this machine, listed, and revocable from the CLI.
    const listed = await u.run(['auth', 'keys', 'list', '--json']);
    expect(listed.code).toBe(0);
    const [key] = JSON.parse(listed.stdout) as { id: string; name: string; revoked_at: string | null }[];
    expect(key).toMatchObject({ name: hostname(), revoked_at: null });
    const table = await u.run(['auth', 'keys', 'list']);
    expect(table.stdout.split('\n')[0]).toBe('id\tname\tcreated_at\trevoked_at');
    expect((await u.run(['auth', 'keys', 'revoke', 'not-an-id'])).code).toBe(2);
    const revoked = await u.run(['auth', 'keys', 'revoke', key!.id]);
    expect(revoked.code).toBe(0);
    expect(revoked.stderr).toContain(`Revoked key tp_${key!.id}… (${hostname()})`);
    expect(revoked.stderr).toContain('that was the key this profile uses');
    expect((await u.run(['auth', 'status'])).code).toBe(4);
  });

  test('Ctrl-C while waiting exits 130 and saves nothing', async () => {
    const u = userAt();
    const login = startWebLogin(u.home, ['--api-url', s.url]);
    await login.url;
    login.child.kill('SIGINT');
    const done = await login.done;
    expect(done.code).toBe(130);
    expect(done.stderr).toContain('interrupted: login cancelled, nothing was saved');
    expect(existsSync(join(u.home, 'credentials.json'))).toBe(false);
  });

  test('a server without device logins is a usage error naming the way that works', async () => {
    const plain = await scriptedServer(() => {});
    try {
      const r = await userAt().run(['login', '--web', '--no-browser', '--api-url', plain.url]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('this server does not offer web login');
    } finally {
      await plain.close();
    }
  });

  test('--web with --with-token, or for another provider, is a usage error', async () => {
    const u = userAt();
    const both = await u.run(['login', '--web', '--with-token', '--api-url', s.url]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--web and --with-token cannot be used together');
    const other = await u.run(['login', '--web', '--provider', 'openai']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('--web signs in to Token Plan servers only');
  });

  test('--no-browser without --web is a one-line usage error, not silently ignored', async () => {
    const u = userAt();
    const r = await u.run(['login', '--no-browser', '--with-token', '--api-url', s.url], { input: 'tp_whatever\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: --no-browser goes with --web: only a browser sign-in opens a browser\n');
    expect(r.stdout).toBe('');
    expect(existsSync(join(u.home, 'credentials.json'))).toBe(false);
  });
});

describe('tokencli login --web on a terminal', () => {
  test('with a display it opens the browser (xdg-open) at the code\'s URL, waits with a spinner, and logs in', async () => {
    const u = userAt();
    // A stand-in for the desktop's opener on PATH: records the URL it was asked to open.
    const bin = tempDir('tokencli-fake-opener-');
    const opened = join(bin, 'opened.txt');
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\necho "$1" > ${opened}\n`, { mode: 0o755 });
    const pty = onPty(['login', '--web', '--api-url', s.url], { home: u.home, env: { DISPLAY: ':0', PATH: `${bin}:${process.env.PATH}` } });
    await pty.waitFor(/Opened your browser/);
    await pty.waitFor(/Waiting for you to approve in the browser/);
    const url = readFileSync(opened, 'utf8').trim();
    expect(pty.screen()).toContain(`Open ${url} in a browser`);
    const b = fetchBrowser(s.url);
    await verifyPhone(b, s, new URL(url).searchParams.get('user_code')!, '13200132000', '+8613200132000');
    await b.post('/device/decision', { decision: 'approve' });
    expect(await pty.exit()).toBe(0);
    expect(pty.screen()).toContain(`Logged in to ${s.url} as +86 132****2000`);
  });

  test('without a display nothing is opened; Ctrl-C on the terminal exits 130 with nothing saved', async () => {
    const u = userAt();
    const pty = onPty(['login', '--web', '--api-url', s.url], { home: u.home, env: { DISPLAY: undefined, WAYLAND_DISPLAY: undefined } });
    await pty.waitFor(/Waiting for you to approve in the browser/);
    expect(pty.screen()).not.toContain('Opened your browser');
    pty.type(KEY.ctrlC);
    expect(await pty.exit()).toBe(130);
    expect(pty.screen()).toContain('interrupted: login cancelled, nothing was saved');
    expect(existsSync(join(u.home, 'credentials.json'))).toBe(false);
  });
});
