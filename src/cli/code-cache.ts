/**
 * V8's code cache for the bundle's chunks, as Node 22's module.enableCompileCache() keeps one (Node
 * 20 has none). Compiling the code a command line runs, lazily function by function, is about a
 * tenth of a start-up (`budget status`: ~7 ms of 80). A chunk is compiled from its cache when there
 * is one, and the cache is written at exit, after the command ran, so that it holds every function
 * the command compiled, not only the top level.
 *
 * Only chunks whose names carry Rollup's content hash are cached, under their names, so a cache can
 * never be taken for another build's code. Each command keeps its own cache (start.ts picks the
 * directory): V8 reads a cache whole, and one made by `run` costs `--help` more to read than its
 * few functions cost to compile. V8 refuses a cache made by another V8 or under other flags (it is
 * then compiled as usual and its cache rewritten), and any failure to read or write one is only a
 * slower start.
 */
import Module, { createRequire } from 'node:module';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** A Rollup chunk name with its content hash: `run-BKTuXV2l.cjs`. */
const HASHED_CHUNK = /-[\w-]{8}\.cjs$/;
const SUFFIX = '.v8cache';
/** A half-written cache older than this belongs to a process that died writing it. */
const PARTIAL_KEEP_MS = 60_000;
/** How long the cache of a chunk this build does not have is kept. */
const OTHER_BUILD_KEEP_MS = 30 * 24 * 3_600_000;

interface CompilingModule {
  exports: unknown;
  _compile(content: string, filename: string, ...rest: unknown[]): unknown;
}

export interface CodeCacheOptions {
  /** The bundle's chunks directory: only files directly in it are cached. */
  chunksDir: string;
  /** Where this command's caches live. */
  cacheDir: string;
  /** Runs V8 work under the flags the caches are made for (young-generation.ts). */
  underDefaultFlags: <T>(work: () => T) => T;
}

export interface CodeCache {
  /** Writes the caches this process lacked; removes those of other builds' chunks, once old. */
  save(): void;
}

/** Compiles the chunks of `chunksDir` through V8's code cache from now on. */
export function useCodeCache(o: CodeCacheOptions): CodeCache {
  const unsaved = new Map<string, Script>();
  const proto = Module.prototype as unknown as CompilingModule;
  const nodeCompile = proto._compile;

  proto._compile = function (this: CompilingModule, content, filename, ...rest) {
    const name = basename(filename);
    if (dirname(filename) !== o.chunksDir || !HASHED_CHUNK.test(name)) return nodeCompile.call(this, content, filename, ...rest);
    const cachedData = readIfPresent(join(o.cacheDir, name + SUFFIX));
    // The parameters Node gives every CommonJS module; one line, so line numbers stay the file's.
    const source = `(function (exports, require, module, __filename, __dirname) { ${content}\n})`;
    const script = o.underDefaultFlags(() => new Script(source, { filename, cachedData }));
    if (!cachedData || script.cachedDataRejected) unsaved.set(name, script);
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
  };

  return {
    save() {
      if (unsaved.size === 0) return;
      try {
        mkdirSync(o.cacheDir, { recursive: true, mode: 0o700 });
        for (const [name, script] of unsaved) {
          const file = join(o.cacheDir, name + SUFFIX);
          // Written whole under another name, then renamed: a process starting meanwhile reads the old
          // cache or the new one, never half of one.
          const partial = `${file}.${process.pid}`;
          writeFileSync(partial, o.underDefaultFlags(() => script.createCachedData()), { mode: 0o600 });
          renameSync(partial, file);
        }
        unsaved.clear();
        // Caches of chunks this build does not have, once old: another installed build may still
        // use them (removing them at once, two builds sharing a home rewrote each other's caches at
        // every start). And the halves of writes a killed process left.
        const current = new Set(readdirSync(o.chunksDir).map((chunk) => chunk + SUFFIX));
        for (const f of readdirSync(o.cacheDir)) {
          const path = join(o.cacheDir, f);
          const keepMs = f.endsWith(SUFFIX) ? OTHER_BUILD_KEEP_MS : PARTIAL_KEEP_MS;
          if (!current.has(f) && statSync(path).mtimeMs < Date.now() - keepMs) rmSync(path, { force: true });
        }
      } catch {
        // A read-only or full disk: the next start compiles as this one did.
      }
    },
  };
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}
