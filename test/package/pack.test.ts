/**
 * The published package: `npm pack` holds only what a user needs, and a global install of the
 * tarball runs --version, `serve` and a streamed `run` from the installed copy.
 */
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cleanEnv, exited, ROOT, tempDir, track } from '../helpers/procs.js';

let dir: string;
let tarball: string;
let files: string[];
let prefix: string;

beforeAll(() => {
  dir = tempDir('tokencli-pack-');
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir, '--ignore-scripts'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString());
  tarball = join(dir, packed.filename);
  files = packed.files.map((f: { path: string }) => f.path);
  prefix = join(dir, 'prefix');
  // Installing compiles better-sqlite3 from source (no prebuilt binaries can be downloaded here).
  execFileSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline', tarball], { stdio: 'ignore', env: { ...process.env, npm_config_loglevel: 'error' } });
}, 300_000);
afterAll(() => execFileSync('rm', ['-rf', dir]));

describe('npm package', () => {
  test('holds only built JS, bin, completions, README, LICENSE and the API document', () => {
    const outside = files.filter((f) => !/^(dist\/bundle\/.*\.cjs|bin\/(tokencli\.js|package\.json)|completions\/(tokencli\.bash|_tokencli|tokencli\.fish)|README\.md|LICENSE|package\.json|docs\/token-plan-api\.yaml)$/.test(f));
    expect(outside).toEqual([]);
    expect(files).toContain('dist/bundle/start.cjs');
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/') || f.endsWith('.map'))).toBe(false);
  });

  test('the installed copy runs --version, serve, and a streamed run', async () => {
    const bin = join(prefix, 'bin', 'tokencli');
    const home = tempDir('tokencli-installed-');
    const env = cleanEnv(home);
    expect(execFileSync(bin, ['--version'], { env }).toString()).toMatch(/^\d+\.\d+\.\d+\n$/);
    const server = track(spawn(bin, ['serve', '--port', '0'], { env, stdio: ['ignore', 'pipe', 'pipe'] }));
    let err = '';
    server.stderr!.on('data', (d) => (err += d));
    const url = await new Promise<string>((resolve) => server.stdout!.once('data', (d) => resolve(String(d).trim())));
    await new Promise((r) => setTimeout(r, 100));
    const key = /tp_\w+/.exec(err)![0];
    const run = (args: string[], input = '') => execFileSync(bin, args, { env: { ...env, TOKENCLI_API_URL: url, TOKENCLI_API_KEY: key }, input }).toString();
    run(['plan', 'purchase', 'starter', '--yes']);
    expect(run(['run', '-m', 'demo-mini'], 'hello from an installed copy')).toBe('This is a demo answer from the token plan server.\n');
    server.kill('SIGTERM');
    expect((await exited(server)).code).toBe(0);
  });
});
