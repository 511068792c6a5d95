/**
 * The code cache (src/cli/code-cache.ts) on chunks of its own, each case in a fresh Node process as
 * the CLI uses it: install, require a chunk, save at the end. Built code (dist/), since the hook
 * replaces Node's CommonJS compile.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { ROOT, tempDir } from '../helpers/procs.js';

const CODE_CACHE = pathToFileURL(join(ROOT, 'dist/cli/code-cache.js')).href;

/** Requires `chunk` through the cache in a new process and saves; what the chunk exports. */
function load(chunksDir: string, cacheDir: string, chunk: string): string {
  const script = `
    import { createRequire } from 'node:module';
    import { useCodeCache } from ${JSON.stringify(CODE_CACHE)};
    const cache = useCodeCache({ chunksDir: ${JSON.stringify(chunksDir)}, cacheDir: ${JSON.stringify(cacheDir)}, underDefaultFlags: (work) => work() });
    process.stdout.write(String(createRequire(import.meta.url)(${JSON.stringify(join(chunksDir, chunk))})()));
    cache.save();`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

describe('the code cache, on chunks of its own', () => {
  test('a chunk changed in place after its cache was made runs its new code, though the length is the same', () => {
    const root = tempDir('tokencli-code-cache-');
    const chunks = join(root, 'chunks');
    const cache = join(root, 'cache', 'code', 'v8-test', 'cmd');
    mkdirSync(chunks);
    const chunk = join(chunks, 'answer-AbCdEf12.cjs');
    writeFileSync(chunk, "'use strict';\nmodule.exports = () => 'one';\n");
    utimesSync(chunk, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    expect(load(chunks, cache, 'answer-AbCdEf12.cjs')).toBe('one');
    expect(readdirSync(cache)).toEqual(['answer-AbCdEf12.cjs.v8cache']);
    expect(load(chunks, cache, 'answer-AbCdEf12.cjs')).toBe('one');

    // V8 matches a cache to its source by length only: without the check this printed 'one'.
    writeFileSync(chunk, "'use strict';\nmodule.exports = () => 'two';\n");
    expect(load(chunks, cache, 'answer-AbCdEf12.cjs')).toBe('two');
    expect(load(chunks, cache, 'answer-AbCdEf12.cjs')).toBe('two');
  });

  test('a file without a content hash in its name, or outside the chunks directory, is compiled as Node does', () => {
    const root = tempDir('tokencli-code-cache-');
    const chunks = join(root, 'chunks');
    const cache = join(root, 'cache');
    mkdirSync(chunks);
    writeFileSync(join(chunks, 'plain.cjs'), "module.exports = () => 'plain';\n");
    expect(load(chunks, cache, 'plain.cjs')).toBe('plain');
    expect(readdirSync(root)).toEqual(['chunks']);
  });

  test('no cache is written on a disk with little free space left: the ledger needs it more', (ctx) => {
    const root = tempDir('tokencli-code-cache-');
    const small = join(root, 'small');
    mkdirSync(small);
    if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', small]).status !== 0) return ctx.skip('no tmpfs can be mounted here');
    try {
      const chunks = join(root, 'chunks');
      mkdirSync(chunks);
      writeFileSync(join(chunks, 'answer-AbCdEf12.cjs'), "module.exports = () => 'one';\n");
      expect(load(chunks, join(small, 'cache'), 'answer-AbCdEf12.cjs')).toBe('one');
      expect(readdirSync(join(small, 'cache'))).toEqual([]);
    } finally {
      spawnSync('umount', [small]);
    }
  });
});
