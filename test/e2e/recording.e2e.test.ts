/**
 * Every token paid for is on the ledger (issue 10, items 1 and 2): real signals to real processes
 * (Ctrl-C on a pty with a size, so the spinner runs; SIGTERM; SIGHUP), a real SQLite lock held by a
 * second process, and a real full filesystem, each ending with the run on the ledger or in the
 * journal, or with exit 6 naming it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { userAt } from '../helpers/cli.js';
import { ledgerRows } from '../helpers/ledger.js';
import { BIN, cleanEnv, exited, ROOT, tempDir, track } from '../helpers/procs.js';
import { KEY, onPty } from '../helpers/pty.js';
import { buy, startServe, type Served } from '../helpers/serve.js';

let slow: Served;
beforeAll(async () => {
  slow = await startServe(['--demo-delay-ms', '60']);
  await buy(slow.url, slow.key, 'pro');
});
afterAll(() => slow.stop());

const env = (home: string, extra: Record<string, string> = {}) => cleanEnv(home, { TOKENCLI_API_URL: slow.url, TOKENCLI_API_KEY: slow.key, ...extra });

/** Starts a long run with piped output and resolves once some of the answer has arrived. */
async function longRun(home: string, extra: Record<string, string> = {}) {
  const child = track(spawn(process.execPath, [BIN, 'run', '-m', 'demo-mini', '--max-tokens', '400', 'a long story'], { env: env(home, extra), stdio: ['ignore', 'pipe', 'pipe'] }));
  const out = { stdout: '', stderr: '' };
  child.stdout!.on('data', (d) => (out.stdout += d));
  child.stderr!.on('data', (d) => (out.stderr += d));
  for (let i = 0; i < 500 && out.stdout.split(' ').length < 4; i++) await new Promise((r) => setTimeout(r, 20));
  return { child, out };
}

describe('signals record the partial run and exit 128+n', () => {
  test('Ctrl-C on a terminal with a size, while the spinner has run: exit 130, a note, an interrupted row', async () => {
    const u = userAt();
    const server = await startServe(['--demo-delay-ms', '300']);
    await buy(server.url, server.key);
    const pty = onPty(['run', '-m', 'demo-mini', '--max-tokens', '200', 'tell me a story'], { home: u.home, env: { TOKENCLI_API_URL: server.url, TOKENCLI_API_KEY: server.key } });
    await pty.waitFor(/Asking demo-mini/);
    await pty.waitFor(/Asking demo-mini\s*\w+ \w+ \w+/);
    pty.type(KEY.ctrlC);
    expect(await pty.exit()).toBe(130);
    expect(pty.screen()).toMatch(/interrupted: the partial answer is recorded/);
    const rows = ledgerRows(u.home);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'interrupted', model: 'demo-mini' });
    expect(rows[0].completion_tokens).toBeGreaterThan(0);
    await server.stop();
  });

  test.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s mid-stream: exit %i, the note on stderr, an interrupted row', async (signal, code) => {
    const u = userAt();
    const { child, out } = await longRun(u.home);
    child.kill(signal);
    expect((await exited(child)).code).toBe(code);
    expect(out.stderr).toMatch(new RegExp(`stopped by ${signal}: the partial answer is recorded`));
    const rows = ledgerRows(u.home);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'interrupted' });
  });

  test('kill -9 mid-stream leaves a pending row at its worst case, which the next command resolves', async () => {
    const u = userAt();
    const { child } = await longRun(u.home);
    child.kill('SIGKILL');
    await exited(child);
    const [pending] = ledgerRows(u.home);
    expect(pending).toMatchObject({ status: 'pending', reserve_tokens: pending.billed_tokens });
    expect(pending.billed_tokens).toBeGreaterThanOrEqual(400);
    // The next run finds the owner gone; the server's own record of the run settles it.
    const next = await userAt(u.home, { TOKENCLI_API_URL: slow.url, TOKENCLI_API_KEY: slow.key }).run(['run', '-m', 'demo-mini', '--max-tokens', '2', 'x']);
    expect(next.code).toBe(0);
    const settled = ledgerRows(u.home).find((r) => r.id === pending.id);
    expect(settled).toMatchObject({ status: 'interrupted', source: 'server' });
    expect(settled.billed_tokens).toBeLessThan(pending.billed_tokens);
    expect(settled.completion_tokens).toBeGreaterThan(0);
  });
});

/** A second process that holds the ledger's write lock until told to let go. */
function holdLock(file: string) {
  const script = `const D=require(${JSON.stringify(join(ROOT, 'node_modules/better-sqlite3'))});const d=new D(${JSON.stringify(file)});d.pragma('busy_timeout=5000');d.exec('BEGIN IMMEDIATE');process.stdout.write('locked\\n');process.stdin.on('data',()=>{d.exec('COMMIT');process.exit(0)});`;
  const child = track(spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] }));
  const ready = new Promise<void>((r) => child.stdout!.once('data', () => r()));
  return { ready, release: async () => (child.stdin!.write('go\n'), await exited(child)) };
}

describe('recording cannot silently fail', () => {
  test('a ledger locked by another process past the wait: the answer is printed, the run goes to the journal, the next command adds it', async () => {
    const u = userAt();
    const warm = await u.run(['run', '-m', 'demo-mini', '--max-tokens', '2', 'warm up'], { env: env(u.home) });
    expect(warm.code).toBe(0);
    const lock = holdLock(join(u.home, 'ledger.db'));
    await lock.ready;
    const r = await u.run(['run', '-m', 'demo-mini', '--max-tokens', '5', 'while locked'], { env: env(u.home, { TOKENCLI_LEDGER_WAIT: '0.5' }) });
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(r.stderr).toMatch(/the ledger could not take run [0-9a-f-]{36} \(database is locked\); it is in .*ledger\.journal/);
    expect(existsSync(join(u.home, 'ledger.journal'))).toBe(true);
    expect(statSync(join(u.home, 'ledger.journal')).mode & 0o777).toBe(0o600);
    await lock.release();
    const usage = await u.run(['usage', '--json'], { env: env(u.home) });
    expect(usage.code).toBe(0);
    const rows = ledgerRows(u.home);
    expect(rows).toHaveLength(2);
    expect(rows.every((row) => row.status === 'ok' && row.source === 'server')).toBe(true);
    expect(existsSync(join(u.home, 'ledger.journal'))).toBe(false);
  });

  test('a full disk during the stream: exit 6 naming the run and its tokens; the pending row is settled once there is room', async (ctx) => {
    const mountPoint = tempDir('tokencli-full-');
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mountPoint]).status === 0;
    if (!mounted) {
      // Without a small filesystem of our own, the same seam is covered in test/ledger/recorder.test.ts;
      // reported as skipped, never as a pass.
      return ctx.skip('no tmpfs can be mounted here');
    }
    try {
      const home = join(mountPoint, 'home');
      mkdirSync(home);
      const u = userAt(home);
      expect((await u.run(['run', '-m', 'demo-mini', '--max-tokens', '2', 'warm up'], { env: env(home) })).code).toBe(0);
      const { child, out } = await longRun(home);
      // Fill what is left of the filesystem while the answer streams.
      spawnSync('sh', ['-c', `cat /dev/zero > ${join(mountPoint, 'filler')} 2>/dev/null; true`]);
      child.kill('SIGTERM');
      const { code } = await exited(child);
      expect(code).toBe(6);
      expect(out.stdout.length).toBeGreaterThan(0);
      expect(out.stderr).toMatch(/run [0-9a-f-]{36} \(\d+ plan tokens(, estimated)?\) happened but could not be recorded: .*full/);
      expect(out.stderr).toMatch(/do not retry blind/);
      spawnSync('rm', ['-f', join(mountPoint, 'filler')]);
      const pending = ledgerRows(home).find((r) => r.status === 'pending');
      expect(pending).toBeDefined();
      expect((await u.run(['run', '-m', 'demo-mini', '--max-tokens', '2', 'after'], { env: env(home) })).code).toBe(0);
      expect(ledgerRows(home).find((r) => r.id === pending.id).status).not.toBe('pending');
    } finally {
      spawnSync('umount', ['-l', mountPoint]);
    }
  });

  test('a run that cannot be recorded at all is not sent: exit 6 before any request', async () => {
    const u = userAt();
    writeFileSync(join(u.home, 'ledger.db'), '');
    // A directory where the journal would go makes the journal unwritable, even for root.
    mkdirSync(join(u.home, 'ledger.journal'));
    const lock = holdLock(join(u.home, 'ledger.db'));
    await lock.ready;
    const before = (await (await fetch(`${slow.url}/v1/usage?group_by=model`, { headers: { authorization: `Bearer ${slow.key}` } })).json()) as { data: { requests: number }[] };
    const r = await u.run(['run', '-m', 'demo-mini', 'x'], { env: env(u.home, { TOKENCLI_LEDGER_WAIT: '0.2' }) });
    await lock.release();
    expect(r.code).toBe(6);
    expect(r.stderr).toMatch(/could not be recorded, so it was not sent/);
    const after = (await (await fetch(`${slow.url}/v1/usage?group_by=model`, { headers: { authorization: `Bearer ${slow.key}` } })).json()) as { data: { requests: number }[] };
    expect(after.data.reduce((n, x) => n + x.requests, 0)).toBe(before.data.reduce((n, x) => n + x.requests, 0));
    expect(readFileSync(join(u.home, 'ledger.db')).length).toBeGreaterThanOrEqual(0);
  });
});
