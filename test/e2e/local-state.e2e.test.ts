/**
 * Local files and secrets (issue 10, items 3, 5 and 6): the quota gate fails closed, keys never
 * leak, loopback is an address, read commands work on a read-only home, and every malformed local
 * file is an error that names the file, the field and the fix.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isLoopbackHost } from '../../src/cli/context.js';
import { userAt } from '../helpers/cli.js';
import { ledgerRows } from '../helpers/ledger.js';
import { tempDir } from '../helpers/procs.js';
import { buy, startServe, type Served } from '../helpers/serve.js';

let s: Served;
beforeAll(async () => {
  s = await startServe();
  await buy(s.url, s.key);
});
afterAll(() => s.stop());

const DOWN = 'http://127.0.0.1:9';
const asUser = (home?: string) => userAt(home, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key });
const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the quota gate fails closed', () => {
  test('--min against an unreachable server is exit 3 with the last estimate as a hint; --offline gates on the estimate', async () => {
    const u = asUser();
    expect((await u.run(['balance'])).code).toBe(0);
    const down = await u.run(['balance', '--min', '100000', '--json', '--api-url', DOWN]);
    // The snapshot belongs to the server that gave it: another URL has none.
    expect(down.code).toBe(3);
    expect(JSON.parse(down.stdout)).toEqual({ error: { type: 'network_error', message: expect.stringMatching(/^cannot check --min: could not reach/), exit_code: 3, hint: 'no earlier balance is known for this server and key' } });
    expect(down.stderr).toMatch(/cannot check --min: could not reach http:\/\/127\.0\.0\.1:9/);

    const proxy = await startServe([], { dataDir: s.dataDir });
    await s.stop();
    try {
      const gone = await u.run(['balance', '--min', '100000', '--json']);
      expect(gone.code).toBe(3);
      expect(JSON.parse(gone.stdout).error).toMatchObject({ type: 'network_error', exit_code: 3 });
      expect(gone.stderr).toMatch(/the last estimate is [\d,]+ tokens \(balance seen .*\); pass --offline to gate on it/);
      const offline = await u.run(['balance', '--min', '100000', '--offline', '--json']);
      expect(offline.code).toBe(0);
      expect(JSON.parse(offline.stdout)).toMatchObject({ estimate: true, min: 100000, ok: true });
      const tooMuch = await u.run(['balance', '--min', '999999999', '--offline', '--json']);
      expect(tooMuch.code).toBe(5);
      // One document: the balance saying the gate failed, not a second error document.
      expect(JSON.parse(tooMuch.stdout)).toMatchObject({ estimate: true, min: 999999999, ok: false });
    } finally {
      await proxy.stop();
      s = await startServe([], { dataDir: s.dataDir });
      s.key = (await userAt().run(['serve', 'keys', 'create', '--account', 'demo', '--data-dir', s.dataDir])).stdout.trim();
    }
  });

  test('a one-off key of another account never overwrites this account\'s snapshot', async () => {
    const u = asUser();
    expect((await u.run(['balance'])).code).toBe(0);
    const other = (await userAt().run(['serve', 'keys', 'create', '--account', 'someone-else', '--data-dir', s.dataDir])).stdout.trim();
    expect((await u.run(['balance'], { env: { TOKENCLI_API_KEY: other } })).code).toBe(0);
    const mine = JSON.parse((await u.run(['balance', '--offline', '--json'])).stdout);
    const theirs = JSON.parse((await u.run(['balance', '--offline', '--json'], { env: { TOKENCLI_API_KEY: other } })).stdout);
    expect(mine.last_seen_tokens_remaining).toBeGreaterThan(0);
    expect(theirs.last_seen_tokens_remaining).toBe(0);
  });

  test('--offline on a fresh home is exit 1 (nothing to show), not a network error', async () => {
    const r = await asUser().run(['balance', '--offline']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/never saw a balance/);
  });
});

describe('secrets and hosts', () => {
  test('a key with a trailing newline is refused without echoing it: exit 4, nothing sent, nothing stored', async () => {
    const u = asUser();
    const secret = s.key + '\n';
    const r = await u.run(['run', '-m', 'demo-mini', 'hi'], { env: { TOKENCLI_API_KEY: secret } });
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/TOKENCLI_API_KEY contains whitespace or a control character/);
    expect(r.stderr).not.toContain(s.key.slice(3, 20));
    expect(ledgerRows(u.home)).toEqual([]);
    const login = await u.run(['login', '--with-token', '--api-url', s.url], { input: `${s.key.slice(0, 20)} ${s.key.slice(20)}\n` });
    expect(login.code).toBe(4);
    expect(login.stderr).not.toContain(s.key.slice(3, 20));
  });

  test('the ledger and everything tokencli writes in the home are private (0600 files, 0700 directories)', async () => {
    const u = asUser();
    expect((await u.run(['run', '-m', 'demo-mini', 'hi'])).code).toBe(0);
    expect((await userAt(u.home).run(['login', '--with-token', '--api-url', s.url], { input: s.key + '\n' })).code).toBe(0);
    for (const f of ['ledger.db', 'credentials.json', 'config.json']) expect([f, modeOf(join(u.home, f))]).toEqual([f, 0o600]);
  });

  test('credentials readable by others are repaired, with a warning', async () => {
    const u = userAt();
    mkdirSync(u.home, { recursive: true });
    writeFileSync(join(u.home, 'credentials.json'), JSON.stringify({ profiles: { default: { api_key: s.key } } }), { mode: 0o644 });
    chmodSync(join(u.home, 'credentials.json'), 0o644);
    const r = await u.run(['balance', '--api-url', s.url]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/credentials\.json was readable by others \(mode 644\); it is now 600/);
    expect(modeOf(join(u.home, 'credentials.json'))).toBe(0o600);
  });

  test('loopback is decided from the parsed address, never a prefix of the name', async () => {
    for (const host of ['127.0.0.1', '127.5.6.7', 'localhost', '[::1]', '[::ffff:7f00:1]']) expect([host, isLoopbackHost(host)]).toEqual([host, true]);
    for (const host of ['127.attacker.example', 'localhost.attacker.example', '10.0.0.1', '[::2]', '1127.0.0.1']) expect([host, isLoopbackHost(host)]).toEqual([host, false]);
    const r = await asUser().run(['balance', '--api-url', 'http://127.attacker.example:8787']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing plain http:\/\/ to 127\.attacker\.example:8787/);
  });
});

describe('local state', () => {
  test('read commands work on a read-only home: no migrations, no lock files, no snapshot writes', async (ctx) => {
    const u = asUser();
    expect((await u.run(['run', '-m', 'demo-mini', 'hi'])).code).toBe(0);
    expect((await u.run(['balance'])).code).toBe(0);
    expect((await u.run(['budget', 'set', '--period', 'day', '--tokens', '100000'])).code).toBe(0);
    const ro = tempDir('tokencli-ro-');
    if (spawnSync('mount', ['--bind', '-o', 'ro', u.home, ro]).status !== 0 || spawnSync('mount', ['-o', 'remount,ro,bind', ro]).status !== 0) {
      // This machine lets no test make a read-only mount; nothing here can stand in for one as root,
      // so the test is reported as skipped, never as a pass.
      spawnSync('umount', [ro]);
      return ctx.skip('no read-only bind mount can be made here');
    }
    try {
      const reader = asUser(ro);
      for (const args of [['balance', '--offline'], ['usage', '--json'], ['budget', 'status'], ['balance']]) {
        const r = await reader.run(args);
        expect([args.join(' '), r.code, r.stderr]).toEqual([args.join(' '), 0, expect.not.stringMatching(/unable to open|readonly|SQLITE/i)]);
      }
      expect(JSON.parse((await reader.run(['usage', '--json'])).stdout).totals.runs).toBe(1);
      const run = await reader.run(['run', '-m', 'demo-mini', 'hi']);
      expect(run.code).toBe(6);
      expect(run.stderr).toMatch(/could not be recorded, so it was not sent/);
    } finally {
      spawnSync('umount', [ro]);
    }
  });

  test.each([
    ['config.json', '{"profiles": null}', /config\.json: profiles must be an object \(found null\)/],
    ['config.json', '{"profiles": {"default": {"provider": "acme", "api_url": "https://x.example"}}}', /profiles\.default\.provider must be one of tokenplan, .* \(found "acme"\)/],
    ['config.json', '[1, 2]', /config\.json: the file must be an object \(found an array\)/],
    ['config.json', '{"profiles": {', /config\.json: is not valid JSON/],
    ['credentials.json', '{"profiles": {"default": {"api_key": 42}}}', /profiles\.default\.api_key must be a non-empty string/],
  ])('%s holding %s is an error naming the file and field (exit 1), never defaults', async (file, text, message) => {
    const u = userAt();
    mkdirSync(u.home, { recursive: true });
    writeFileSync(join(u.home, file), text, { mode: 0o600 });
    const r = await u.run(['balance']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/Cannot read properties|TypeError|at .*\.js:\d+|unexpected error/);
  });

  test('a damaged ledger is moved aside and the message says where; the next command starts afresh', async () => {
    const u = asUser();
    mkdirSync(u.home, { recursive: true });
    writeFileSync(join(u.home, 'ledger.db'), 'this is not a database, it is a shopping list'.repeat(100));
    const r = await u.run(['usage']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the ledger .*ledger\.db is damaged \(file is not a database\); it was moved to .*ledger\.db\.damaged-/);
    const aside = readdirSync(u.home).find((f) => f.startsWith('ledger.db.damaged-'))!;
    expect(readFileSync(join(u.home, aside), 'utf8')).toMatch(/^this is not a database/);
    expect(existsSync(join(u.home, 'ledger.db'))).toBe(false);
    expect((await u.run(['run', '-m', 'demo-mini', 'hi'])).code).toBe(0);
  });

  test('-f refuses what is not a regular text file of a sane size', async () => {
    const u = asUser();
    const dir = tempDir();
    writeFileSync(join(dir, 'big.txt'), 'x'.repeat(4 * 1024 * 1024 + 1));
    writeFileSync(join(dir, 'blob.bin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1]));
    const cases: [string, RegExp][] = [
      ['/dev/zero', /cannot use --file \/dev\/zero: not a regular file/],
      [dir, /not a regular file/],
      [join(dir, 'big.txt'), /4194305 bytes, more than the 4 MiB a --file may hold/],
      [join(dir, 'blob.bin'), /it looks binary/],
    ];
    for (const [path, message] of cases) {
      const r = await u.run(['run', '-m', 'demo-mini', '-f', path, 'x']);
      expect([path, r.code]).toEqual([path, 2]);
      expect(r.stderr).toMatch(message);
    }
    const stdin = await u.run(['run', '-m', 'demo-mini', '--dry-run', '--json', '-f', '-', 'x'], { input: 'from stdin' });
    expect(stdin.code).toBe(0);
    expect(ledgerRows(u.home)).toEqual([]);
  });
});
