/**
 * V8's code cache of the bundle (issue 14, start-up): a command's first start writes what it
 * compiled to the cache directory, its next starts read it back, and nothing a cache holds can
 * change what a command does. Whether V8 took a cache is seen from outside: a refused cache is
 * rewritten at exit, a taken one is left alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { userAt } from '../helpers/cli.js';
import { ROOT, tempDir } from '../helpers/procs.js';
import { buy, startServe, type Served } from '../helpers/serve.js';

let s: Served;
beforeAll(async () => {
  s = await startServe();
  await buy(s.url, s.key);
});
afterAll(() => s.stop());

const CHUNKS = readdirSync(join(ROOT, 'dist/bundle/chunks'));
const SUFFIX = '.v8cache';
const asUser = () => userAt(undefined, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key });

/** The cache directory of one command in this home (one V8 version: the one running the tests). */
function cacheDir(home: string, command: string): string {
  const [v8] = readdirSync(join(home, 'cache/code'));
  return join(home, 'cache/code', v8!, command);
}

/** Each cache file with the identity of its last write (a write is a rename, so a new inode). */
function snapshot(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).map((f) => { const st = statSync(join(dir, f)); return [f, `${st.ino}:${st.mtimeMs}:${st.size}`]; }));
}

describe('the code cache', () => {
  test('the first start writes one cache per chunk it loaded, and the next start reads them without rewriting', async () => {
    const u = asUser();
    const first = await u.run(['budget', 'status', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const dir = cacheDir(u.home, 'budget');
    const files = snapshot(dir);
    // Named after the chunks of this build, and only after them.
    expect(files.size).toBeGreaterThan(3);
    for (const f of files.keys()) expect(CHUNKS).toContain(f.slice(0, -SUFFIX.length));

    const second = await u.run(['budget', 'status', '--json']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(snapshot(dir)).toEqual(files);

    // Each command keeps its own: `--help` compiles little of what `budget` did.
    expect((await u.run(['--help'])).code).toBe(0);
    expect(readdirSync(join(cacheDir(u.home, 'tokencli')))).not.toEqual([]);
  });

  test('a run, which changes a V8 flag when its work starts, still reads its cache at the next start', async () => {
    // V8 refuses code cached under other flags; `run` keeps the young generation small, so its
    // chunks are compiled and cached under the defaults. Without that, every run rewrote its cache.
    const u = asUser();
    expect((await u.run(['run', '-m', 'demo-mini', 'hi'])).code).toBe(0);
    const dir = cacheDir(u.home, 'run');
    const files = snapshot(dir);
    expect(files.size).toBeGreaterThan(3);
    const r = await u.run(['run', '-m', 'demo-mini', 'hi']);
    expect(r.code, r.stderr).toBe(0);
    expect(snapshot(dir)).toEqual(files);
  });

  test('a damaged cache, or one made for another chunk, is refused and replaced; the output does not change', async () => {
    const u = asUser();
    // `balance --offline` shows the balance seen last; its cache is then made by `--offline` alone,
    // so that each file below is one the next start loads.
    expect((await u.run(['balance'])).code).toBe(0);
    const dir = cacheDir(u.home, 'balance');
    rmSync(dir, { recursive: true });
    const clean = await u.run(['balance', '--offline', '--json']);
    expect(clean.code, clean.stderr).toBe(0);
    const names = [...snapshot(dir).keys()].sort();
    expect(names.length).toBeGreaterThanOrEqual(5);
    // Garbage, a cut file, two caches swapped between chunks, and bytes flipped past the header
    // (which V8 alone does not check: that crashed it, exit 133, at every start).
    const [a, b, c, d, e] = names.map((f) => join(dir, f));
    writeFileSync(a!, Buffer.alloc(statSync(a!).size, 0x5a));
    writeFileSync(b!, readFileSync(b!).subarray(0, 100));
    const [cData, dData] = [readFileSync(c!), readFileSync(d!)];
    writeFileSync(c!, dData);
    writeFileSync(d!, cData);
    const flipped = readFileSync(e!);
    for (let i = 64; i < flipped.length; i += 97) flipped[i]! ^= 0xff;
    writeFileSync(e!, flipped);
    const damaged = snapshot(dir);

    const r = await u.run(['balance', '--offline', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(clean.stdout);
    const replaced = snapshot(dir);
    for (const f of [a, b, c, d, e].map((p) => p!.slice(dir.length + 1))) expect(replaced.get(f)).not.toBe(damaged.get(f));
    // What replaced them is taken.
    expect((await u.run(['balance', '--offline', '--json'])).stdout).toBe(clean.stdout);
    expect(snapshot(dir)).toEqual(replaced);
  });

  test("another build's caches stay while that build may be in use, and go when the cache is next written after 30 days", async () => {
    const u = asUser();
    expect((await u.run(['--version'])).code).toBe(0);
    const dir = cacheDir(u.home, 'tokencli');
    const [one] = readdirSync(dir);
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000);
    const made = (name: string, text: string, days: number) => {
      writeFileSync(join(dir, name), text);
      utimesSync(join(dir, name), ago(days), ago(days));
    };
    made(`main-AAAAAAAA.cjs${SUFFIX}`, 'an earlier build, last written 31 days ago', 31);
    made(`main-BBBBBBBB.cjs${SUFFIX}`, 'another build, written 2 days ago', 2);
    // Half of a write by a process killed an hour ago, and one another process is making now.
    made(`${one}.4242`, 'half', 1 / 24);
    made(`${one}.4343`, 'in progress', 0);
    rmSync(join(dir, one!));
    expect((await u.run(['--version'])).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([one, `${one}.4343`, `main-BBBBBBBB.cjs${SUFFIX}`].sort());
  });

  test('a FIFO in place of a cache is not waited on, and a cache that cannot be written leaves no partial file', async () => {
    const u = asUser();
    expect((await u.run(['budget', 'status', '--json'])).code).toBe(0);
    const dir = cacheDir(u.home, 'budget');
    const [fifo, blocked] = readdirSync(dir).sort();
    rmSync(join(dir, fifo!));
    expect(spawnSync('mkfifo', [join(dir, fifo!)]).status).toBe(0);
    // A directory where a cache goes: its rename fails at every start.
    rmSync(join(dir, blocked!));
    mkdirSync(join(dir, blocked!, 'inside'), { recursive: true });
    for (let i = 0; i < 2; i++) {
      const r = await u.run(['budget', 'status', '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
    }
    expect(statSync(join(dir, fifo!)).isFile()).toBe(true);
    expect(readdirSync(dir).filter((f) => !f.endsWith(SUFFIX))).toEqual([]);
  });

  test('a help or a refused command line writes no cache; another command line of the command then does', async () => {
    const u = asUser();
    expect((await u.run(['budget', 'status', '--help'])).code).toBe(0);
    expect((await u.run(['budget', 'status', '--no-such-flag'])).code).toBe(2);
    expect(readdirSync(u.home)).not.toContain('cache');
    expect((await u.run(['budget', 'status'])).code).toBe(0);
    expect(readdirSync(cacheDir(u.home, 'budget')).length).toBeGreaterThan(3);
  });

  test('a cache directory that cannot be made costs nothing but speed', async () => {
    const u = asUser();
    // A file where the directory would go: refused even to root, unlike a mode.
    writeFileSync(join(u.home, 'cache'), 'not a directory');
    const r = await u.run(['budget', 'status', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ profile: 'default' });
  });

  test('a process started with other V8 flags keeps caches of its own, so that taking turns rewrites neither', async () => {
    const u = asUser();
    const flagged = { NODE_OPTIONS: '--max-old-space-size=300' };
    expect((await u.run(['budget', 'status'])).code).toBe(0);
    expect((await u.run(['budget', 'status'], { env: flagged })).code).toBe(0);
    const versions = readdirSync(join(u.home, 'cache/code'));
    expect(versions).toHaveLength(2);
    const before = versions.map((v) => snapshot(join(u.home, 'cache/code', v, 'budget')));
    expect((await u.run(['budget', 'status'])).code).toBe(0);
    expect((await u.run(['budget', 'status'], { env: flagged })).code).toBe(0);
    expect(versions.map((v) => snapshot(join(u.home, 'cache/code', v, 'budget')))).toEqual(before);
  });

  test('no cache while V8 collects coverage, whose offsets the cache would shift', async () => {
    const u = asUser();
    const coverage = tempDir('tokencli-coverage-');
    expect((await u.run(['budget', 'status'], { env: { NODE_V8_COVERAGE: coverage } })).code).toBe(0);
    expect(readdirSync(coverage).length).toBeGreaterThan(0);
    expect(readdirSync(u.home)).not.toContain('cache');
  });

  test('TOKENCLI_NO_CODE_CACHE keeps no cache, and a word that names no command leaves none behind', async () => {
    const u = asUser();
    expect((await u.run(['budget', 'status'], { env: { TOKENCLI_NO_CODE_CACHE: '1' } })).code).toBe(0);
    const typo = await u.run(['bugdet', 'status']);
    expect(typo.code).toBe(2);
    expect(readdirSync(u.home)).not.toContain('cache');
  });
});
