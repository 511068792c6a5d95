/**
 * What the built CLI loads (issue 14): the packages a command does not use stay on disk. zod checks
 * cold answers only (the model list a first run caches, say), so a streamed run, `balance
 * --offline` and `budget status` never load it; the YAML parser is for template files only.
 * Read from dist/bundle-packages.json, which scripts/bundle.mjs writes: the packages in each file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { userAt } from '../helpers/cli.js';
import { tempDir } from '../helpers/procs.js';
import { buy, startServe, type Served } from '../helpers/serve.js';

let s: Served;
beforeAll(async () => {
  s = await startServe();
  await buy(s.url, s.key);
});
afterAll(() => s.stop());

const TRACE = fileURLToPath(new URL('../helpers/trace-loads.cjs', import.meta.url));
const BUNDLE = fileURLToPath(new URL('../../dist/bundle/', import.meta.url));
const PACKAGES_IN = JSON.parse(readFileSync(new URL('../../dist/bundle-packages.json', import.meta.url), 'utf8')) as Record<string, string[]>;

/** Runs the command with every module load traced: what it loaded, one a line. */
async function loads(user: ReturnType<typeof userAt>, args: string[]): Promise<string[]> {
  const file = join(tempDir('tokencli-loads-'), 'loads.txt');
  const r = await user.run(args, { env: { NODE_OPTIONS: `--require=${TRACE}`, TOKENCLI_TEST_LOADS: file } });
  expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  return readFileSync(file, 'utf8').split('\n');
}

/** The packages bundled into what the command loaded. */
async function packagesLoaded(user: ReturnType<typeof userAt>, args: string[]): Promise<Set<string>> {
  const packages = new Set<string>();
  for (const url of await loads(user, args)) {
    if (!url.startsWith('file:')) continue;
    const path = fileURLToPath(url);
    const bundled = path.startsWith(BUNDLE) ? PACKAGES_IN[path.slice(BUNDLE.length)] : undefined;
    if (bundled) for (const p of bundled) packages.add(p);
    else if (path.includes('/node_modules/')) packages.add(/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)![1]!);
  }
  return packages;
}

describe('what a command loads', () => {
  test('a streamed run, balance --offline and budget status load no schema library and no YAML parser', async () => {
    const u = userAt(undefined, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key });
    // The first run reads and checks the model list (a cold path); later runs use the cached one.
    // `balance --offline` shows the balance seen last.
    expect((await u.run(['run', '-m', 'demo-mini', 'hi'])).code).toBe(0);
    expect((await u.run(['balance'])).code).toBe(0);
    const run = await packagesLoaded(u, ['run', '-m', 'demo-mini', '--max-tokens', '5', 'hi']);
    // The trace sees the bundle: commander is in every command line's load.
    expect(run).toContain('commander');
    expect(run).not.toContain('zod');
    expect(run).not.toContain('yaml');
    // Tables are for commands that print them: a run prints an answer (and JSON at most).
    expect(run).not.toContain('cli-table3');
    for (const args of [['balance', '--offline', '--json'], ['budget', 'status', '--json'], ['--help']]) {
      const loaded = await packagesLoaded(u, args);
      expect(loaded, args.join(' ')).not.toContain('zod');
      expect(loaded, args.join(' ')).not.toContain('yaml');
    }
  });

  test("commands that make no request, read no prompt and spawn nothing load none of Node's modules for that", async () => {
    // Each costs about 2 ms to load. The bundle merges small chunks, so a module that imported one at
    // its top could bring it into every command (node:http came with the client's transport, readline
    // with chat, child_process with commander, which spawns only executable subcommands).
    const u = userAt(undefined, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key });
    expect((await u.run(['balance'])).code).toBe(0);
    for (const args of [['balance', '--offline', '--json'], ['budget', 'status', '--json'], ['--help']]) {
      const loaded = await loads(u, args);
      for (const builtin of ['node:http', 'node:readline', 'node:child_process', 'node:fs/promises']) expect(loaded, args.join(' ')).not.toContain(builtin);
    }
    const run = await loads(u, ['run', '-m', 'demo-mini', '--max-tokens', '5', 'hi']);
    expect(run).toContain('node:http');
    expect(run).not.toContain('node:child_process');
    expect(run).not.toContain('node:readline');
  });

  test("better-sqlite3's addon finder is not in the bundle: the driver names the addon", () => {
    const bundled = new Set(Object.values(PACKAGES_IN).flat());
    expect(bundled).toContain('better-sqlite3');
    expect(bundled).not.toContain('bindings');
    expect(bundled).not.toContain('file-uri-to-path');
  });

  test('a run with a template loads the YAML parser to read it', async () => {
    const u = userAt(undefined, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key });
    expect((await u.run(['template', 'set', 'echo', '--prompt', 'say $input', '--model', 'demo-mini'])).code).toBe(0);
    expect(await packagesLoaded(u, ['run', '-t', 'echo', 'hi'])).toContain('yaml');
  });
});
