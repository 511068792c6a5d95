/**
 * What a hostile tester of the recording promises found, each kept as a test: a closed terminal,
 * simultaneous runs against a hard budget, a fresh home with a 4x model, a FIFO and a slow pipe
 * under SIGTERM, a reused pid, a ledger copied without its WAL, keys of any shape in errors, and
 * local files that must be errors rather than defaults.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { userAt } from '../helpers/cli.js';
import { ledgerRows } from '../helpers/ledger.js';
import { BIN, cleanEnv, exited, tempDir, track } from '../helpers/procs.js';
import { onPty } from '../helpers/pty.js';
import { scriptedServer } from '../helpers/scripted-server.js';
import { buy, startServe, type Served } from '../helpers/serve.js';

let s: Served;
let slow: Served;
beforeAll(async () => {
  [s, slow] = await Promise.all([startServe(), startServe(['--demo-delay-ms', '200'])]);
  await Promise.all([buy(s.url, s.key, 'pro'), buy(slow.url, slow.key, 'pro')]);
});
afterAll(() => Promise.all([s.stop(), slow.stop()]));

const asUser = (server: Served = s, home?: string) => userAt(home, { TOKENCLI_API_URL: server.url, TOKENCLI_API_KEY: server.key });
const until = async (check: () => boolean, ms = 10_000) => {
  for (const end = Date.now() + ms; !check(); ) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('recording under hostile conditions', () => {
  test('the terminal closing (SIGHUP, then EIO on every write) records the run as interrupted', async () => {
    const u = asUser(slow);
    const pty = onPty(['run', '-m', 'demo-mini', '--max-tokens', '100', 'a story'], { home: u.home, env: { TOKENCLI_API_URL: slow.url, TOKENCLI_API_KEY: slow.key } });
    await pty.waitFor(/Asking demo-mini\s*[a-z]+ [a-z]+ [a-z]+/);
    pty.child.kill('SIGKILL'); // the terminal emulator goes away: the pty's master closes
    await until(() => ledgerRows(u.home)[0]?.status === 'interrupted');
    expect(ledgerRows(u.home)[0].completion_tokens).toBeGreaterThan(0);
  });

  test('ten runs started at once against a hard budget: the budget holds', async () => {
    const u = asUser();
    expect((await u.run(['budget', 'set', '--period', 'day', '--tokens', '300', '--hard'])).code).toBe(0);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => u.run(['run', '-m', 'demo-mini', '--max-tokens', '100', `c ${i}`])));
    const codes = results.map((r) => r.code);
    expect(codes.filter((c) => c === 5).length).toBeGreaterThan(0);
    const spent = ledgerRows(u.home).reduce((n, r) => n + r.billed_tokens, 0);
    expect(spent).toBeLessThanOrEqual(300);
  });

  test('a fresh home without a model cache still prices a 4x model at 4x for a hard budget', async () => {
    const u = asUser();
    expect((await u.run(['budget', 'set', '--period', 'day', '--tokens', '150', '--hard'])).code).toBe(0);
    const r = await u.run(['run', '-m', 'demo-pro', '--max-tokens', '100', 'pro']);
    expect(r.code).toBe(5);
    expect(ledgerRows(u.home)).toEqual([]);
  });

  test('a FIFO as --file is refused at once; SIGTERM while a slow pipe is read exits 143 at once', async () => {
    const u = asUser();
    const dir = tempDir();
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    const fifo = await u.run(['run', '-m', 'demo-mini', '-f', join(dir, 'fifo'), 'x']);
    expect(fifo.code).toBe(2);
    expect(fifo.stderr).toMatch(/not a regular file/);
    // A pipe whose writer is slow: nothing arrives, and it is not closed.
    const child = track(spawn(process.execPath, [BIN, 'run', '-m', 'demo-mini', 'x'], { env: cleanEnv(u.home, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key }), stdio: ['pipe', 'pipe', 'pipe'] }));
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGTERM');
    expect((await exited(child)).code).toBe(143);
    expect(stderr).toMatch(/interrupted before the request was sent: nothing was spent/);
    expect(ledgerRows(u.home)).toEqual([]);
  });

  test('a preload that defines a global document (a DOM shim) does not change where the bundle finds its files', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dom.cjs'), 'globalThis.document = { baseURI: "http://localhost/", currentScript: null };\n');
    const r = await asUser().run(['budget', 'status', '--json'], { env: { NODE_OPTIONS: `--require ${join(dir, 'dom.cjs')}` } });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).profile).toBe('default');
  });

  test('Ctrl-C that comes with the end of piped stdin stops the run before it is sent', async () => {
    const u = asUser();
    // Three times: the signal and the end of input must land in the same poll of the event loop.
    for (let i = 0; i < 3; i++) {
      const child = track(spawn(process.execPath, [BIN, 'run', '-m', 'demo-echo', 'race'], { env: cleanEnv(u.home, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key }), stdio: ['pipe', 'pipe', 'pipe'] }));
      let stderr = '';
      child.stderr!.on('data', (d) => (stderr += d));
      // Ready when it catches SIGHUP (bit 1 of SigCgt; Node itself catches SIGINT from the start):
      // the run has trapped its signals and reads stdin.
      await until(() => (BigInt(`0x${/SigCgt:\s*(\w+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]}`) & 1n) !== 0n);
      child.stdin!.write('piped ');
      child.kill('SIGINT');
      child.stdin!.end();
      expect((await exited(child)).code).toBe(130);
      expect(stderr).toMatch(/interrupted before the request was sent: nothing was spent/);
    }
    expect(ledgerRows(u.home)).toEqual([]);
  });

  test('a ledger.db copied alone (a backup, a CI cache) holds every run: the WAL is checkpointed on exit', async () => {
    const u = asUser();
    for (let i = 0; i < 3; i++) expect((await u.run(['run', '-m', 'demo-mini', '--max-tokens', '2', `r${i}`])).code).toBe(0);
    const copy = tempDir();
    copyFileSync(join(u.home, 'ledger.db'), join(copy, 'ledger.db'));
    const r = await asUser(s, copy).run(['usage', '--json']);
    expect(JSON.parse(r.stdout).totals.runs).toBe(3);
  });

  test('a key of any shape is never echoed, even when a server repeats it back', async () => {
    const key = 'gsk_' + 'Q'.repeat(10) + 'secretpart' + 'Z'.repeat(10);
    const echo = await scriptedServer((res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { type: 'authentication_error', message: `Incorrect API key provided: ${key}` } }));
    });
    try {
      const u = userAt(undefined, { TOKENCLI_API_URL: echo.url, TOKENCLI_API_KEY: key });
      const r = await u.run(['run', '-m', 'm', 'hi']);
      expect(r.code).toBe(4);
      expect(r.stderr).not.toContain('secretpart');
      expect(JSON.stringify(ledgerRows(u.home))).not.toContain('secretpart');
    } finally {
      await echo.close();
    }
  });

  test('--json on a run cut short still prints what arrived, with its status', async () => {
    const cut = await scriptedServer((res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.end(`data: ${JSON.stringify({ choices: [{ delta: { content: 'half' } }] })}\n\n`);
    });
    try {
      const r = await userAt(undefined, { TOKENCLI_API_URL: cut.url, TOKENCLI_API_KEY: 'tp_' + 'a'.repeat(40) }).run(['run', '--json', '-m', 'm', 'x']);
      expect(r.code).toBe(3);
      expect(JSON.parse(r.stdout)).toMatchObject({ content: 'half', status: 'truncated' });
    } finally {
      await cut.close();
    }
  });
});

describe('local files and inputs', () => {
  test.each([
    ['config.json', { profiles: { default: { provider: 'tokenplan', api_url: 'http://127.0.0.1:1', tz: 'Mars/Olympus' } } }, /profiles\.default\.tz is not a time zone/],
    ['credentials.json', { default: { api_key: 'tp_' + 'k'.repeat(40) } }, /unexpected field "default" \(keys belong under "profiles"\)/],
  ])('%s of the wrong shape names the field (exit 1)', async (file, content, message) => {
    const u = asUser();
    mkdirSync(u.home, { recursive: true });
    writeFileSync(join(u.home, file), JSON.stringify(content), { mode: 0o600 });
    const r = await u.run(['balance'], { env: { TOKENCLI_API_KEY: undefined } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
  });

  test('more than 16 MiB on stdin is refused with exit 2, not read until memory runs out', async () => {
    const r = await asUser().run(['run', '-m', 'demo-mini', 'x'], { input: 'a'.repeat(17 * 1024 * 1024) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/standard input is larger than 16 MiB/);
  });

  test('stdin from a file or a device is read whole, and /dev/zero is refused like a pipe that never ends', () => {
    const home = tempDir();
    const env = cleanEnv(home, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key });
    const dir = tempDir();
    writeFileSync(join(dir, 'prompt.txt'), 'from a file');
    const read = (stdin: string) => {
      const fd = openSync(stdin, 'r');
      try {
        return spawnSync(process.execPath, [BIN, 'run', '-m', 'demo-echo', '--json'], { env, stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8' });
      } finally {
        closeSync(fd);
      }
    };
    const file = read(join(dir, 'prompt.txt'));
    expect(file.status, file.stderr).toBe(0);
    expect(JSON.parse(file.stdout).content).toBe('from a file');
    const empty = read('/dev/null');
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/no prompt/i);
    const endless = read('/dev/zero');
    expect(endless.status).toBe(2);
    expect(endless.stderr).toMatch(/standard input is larger than 16 MiB/);
  });

  test('login sends the key to TOKENCLI_API_URL, not to a stored or built-in URL', async () => {
    const u = userAt(undefined, { TOKENCLI_API_URL: s.url });
    const r = await u.run(['login', '--with-token'], { input: s.key + '\n' });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse((await u.run(['config', 'list', '--json'])).stdout).settings.api_url).toBe(s.url);
  });
});
