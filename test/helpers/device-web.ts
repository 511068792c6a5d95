/**
 * Device logins from the outside: a cookie-keeping "browser" made of plain fetch for the
 * verification pages, and `tokencli login --web` run in the background with its code read off stderr.
 */
import type { ChildProcess } from 'node:child_process';
import { BIN, cleanEnv, exited, spawnTracked } from './procs.js';
import { api, smsSent, type Served } from './serve.js';

export interface Page {
  status: number;
  /** Where a 303 sends the browser. */
  location: string | null;
  html: string;
  headers: Headers;
}

/** One browser: its session cookie, its language, the CSRF token of the last form it was shown. */
export function fetchBrowser(base: string, acceptLanguage = 'en-GB,en;q=0.9') {
  let cookie = '';
  let csrf = '';
  const keep = (res: Response, html: string): Page => {
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? csrf;
    return { status: res.status, location: res.headers.get('location'), html, headers: res.headers };
  };
  const headers = () => ({ 'accept-language': acceptLanguage, ...(cookie ? { cookie } : {}) });
  return {
    get csrf() {
      return csrf;
    },
    forgetCookie: () => (cookie = ''),
    async get(path: string): Promise<Page> {
      const res = await fetch(base + path, { headers: headers(), redirect: 'manual' });
      return keep(res, await res.text());
    },
    /** Posts a form with the current CSRF token unless `fields` says otherwise. */
    async post(path: string, fields: Record<string, string>): Promise<Page> {
      const body = new URLSearchParams({ csrf, ...fields });
      const res = await fetch(base + path, { method: 'POST', headers: { ...headers(), 'content-type': 'application/x-www-form-urlencoded' }, body, redirect: 'manual' });
      return keep(res, await res.text());
    },
  };
}

export type FetchBrowser = ReturnType<typeof fetchBrowser>;

/** The visible words of a page: tags dropped, entities of the escaped text left as they are. */
export const textOf = (html: string) => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

export async function startDevice(s: Served, clientName = 'test-laptop') {
  const r = await api(s.url, '/v1/oauth/device/code', { body: { client_id: 'tokencli', client_name: clientName } });
  if (r.status !== 200) throw new Error(`device code: ${r.status} ${r.text}`);
  return r.json as { device_code: string; user_code: string; verification_uri: string; verification_uri_complete: string; expires_in: number; interval: number };
}

/** One poll of the token endpoint, form-encoded as RFC 8628 §3.4 sends it. */
export async function pollToken(s: Served, deviceCode: string) {
  const body = new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: deviceCode });
  const res = await fetch(`${s.url}/v1/oauth/token`, { method: 'POST', body });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Record<string, any> };
}

/** The latest device-login SMS code sent to `to` (E.164). */
export function lastDeviceSms(s: Served, to: string): string {
  const code = smsSent(s).filter((m) => m.purpose === 'device_login' && m.to === to).at(-1)?.code;
  if (!code) throw new Error(`no device-login SMS to ${to}`);
  return code;
}

/** Code → phone → SMS code: the browser ends on the approve/deny page. */
export async function verifyPhone(b: FetchBrowser, s: Served, userCode: string, phone: string, e164: string): Promise<void> {
  await b.get(`/device?user_code=${userCode}`);
  expectRedirect(await b.post('/device', { user_code: userCode }), '/device/phone');
  await b.get('/device/phone');
  expectRedirect(await b.post('/device/phone', { phone }), '/device/verify');
  await b.get('/device/verify');
  expectRedirect(await b.post('/device/verify', { sms_code: lastDeviceSms(s, e164) }), '/device/confirm');
  await b.get('/device/confirm');
}

function expectRedirect(p: Page, to: string): void {
  if (p.status !== 303 || p.location !== to) throw new Error(`expected 303 to ${to}, got ${p.status} ${p.location ?? ''}: ${textOf(p.html).slice(0, 200)}`);
}

export interface WebLogin {
  child: ChildProcess;
  /** The verification URL (with the code) once the CLI has printed it. */
  url: Promise<string>;
  userCode: Promise<string>;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  stderr(): string;
}

/** Starts `tokencli login --web --no-browser …` as a script would (no TTY), for a home directory. */
export function startWebLogin(home: string, args: string[], env: Record<string, string | undefined> = {}): WebLogin {
  const child = spawnTracked(process.execPath, [BIN, 'login', '--web', '--no-browser', ...args], { env: cleanEnv(home, env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let announced: (v: { url: string; code: string }) => void;
  const printed = new Promise<{ url: string; code: string }>((resolve) => (announced = resolve));
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    const url = /Open (http\S+\/device\?user_code=(\S+)) in a browser/.exec(stderr);
    if (url) announced({ url: url[1]!, code: url[2]! });
  });
  const done = exited(child).then((r) => ({ ...r, stdout, stderr }));
  const orExit = <T>(p: Promise<T>) => Promise.race([p, done.then((r) => Promise.reject(new Error(`login exited (${r.code}) before printing its URL: ${r.stderr}`)))]);
  return { child, url: orExit(printed.then((p) => p.url)), userCode: orExit(printed.then((p) => p.code)), done, stderr: () => stderr };
}
