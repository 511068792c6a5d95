/**
 * V8's code cache for the bundle's chunks, as Node 22's module.enableCompileCache() keeps one (Node
 * 20 has none). Compiling the code a command line runs, lazily function by function, is about a
 * tenth of a start-up (`budget status`: ~7 ms of 80). A chunk is compiled from its cache when there
 * is one, and the cache is written at exit, after the command ran, so that it holds every function
 * the command compiled, not only the top level.
 *
 * Only chunks whose names carry Rollup's content hash are cached, under their names, so a cache can
 * never be taken for another build's code; a chunk changed in place after its cache was made is
 * compiled afresh. Each command keeps its own cache (start.ts picks the directory): V8 reads a cache
 * whole, and one made by `run` costs `--help` more to read than its few functions cost to compile.
 * V8 refuses a cache made by another V8, under other flags or, with the checksum set here, damaged
 * anywhere (it is then compiled as usual and its cache rewritten). Any failure to read or write a
 * cache is only a slower start.
 */
import Module, { createRequire } from 'node:module';
import { closeSync, constants, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';

/** A Rollup chunk name with its content hash: `run-BKTuXV2l.cjs`. */
const HASHED_CHUNK = /-[\w-]{8}\.cjs$/;
const SUFFIX = '.v8cache';
/** No chunk's cache comes near this; anything larger is not one. */
const MAX_CACHE_BYTES = 16 * 1024 * 1024;
/** A half-written cache older than this belongs to a process that died writing it. */
const PARTIAL_KEEP_MS = 60_000;
/** How long the caches of a chunk this build does not have, or of another V8, are kept unused. */
const OTHER_BUILD_KEEP_MS = 30 * 24 * 3_600_000;
/** Caches are not written on a disk with less free space than this: the ledger needs it more. */
const MIN_FREE_BYTES = 256 * 1024 * 1024;

interface CompilingModule {
  exports: unknown;
  _compile(content: string, filename: string, ...rest: unknown[]): unknown;
}

export interface CodeCacheOptions {
  /** The bundle's chunks directory: only files directly in it are cached. */
  chunksDir: string;
  /** Where this command's caches live; its parent's siblings are other V8s' caches. */
  cacheDir: string;
  /** Runs V8 work under the flags V8 had at start (young-generation.ts changes one later). */
  underDefaultFlags: <T>(work: () => T) => T;
}

export interface CodeCache {
  /** Writes the caches this process lacked, then clears out what no build uses any more. */
  save(): void;
}

/** Compiles the chunks of `chunksDir` through V8's code cache from now on. */
export function useCodeCache(o: CodeCacheOptions): CodeCache {
  const unsaved = new Map<string, Script>();
  const proto = Module.prototype as unknown as CompilingModule;
  const nodeCompile = proto._compile;
  // Release builds of V8 check only a cache's header: one damaged past it crashed V8 at every start
  // of the command (a fatal error, exit 133). Caches are made and read with V8's checksum.
  const underCacheFlags = <T>(work: () => T): T => {
    setFlagsFromString('--verify-snapshot-checksum');
    try {
      return o.underDefaultFlags(work);
    } finally {
      setFlagsFromString('--no-verify-snapshot-checksum');
    }
  };

  proto._compile = function (this: CompilingModule, content, filename, ...rest) {
    const name = basename(filename);
    if (dirname(filename) !== o.chunksDir || !HASHED_CHUNK.test(name)) return nodeCompile.call(this, content, filename, ...rest);
    const cachedData = readCache(join(o.cacheDir, name + SUFFIX), filename);
    // The parameters Node gives every CommonJS module; one line, so line numbers stay the file's.
    const source = `(function (exports, require, module, __filename, __dirname) { ${content}\n})`;
    const script = underCacheFlags(() => new Script(source, { filename, cachedData }));
    if (!cachedData || script.cachedDataRejected) unsaved.set(name, script);
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
  };

  return {
    save() {
      try {
        if (unsaved.size > 0) {
          mkdirSync(o.cacheDir, { recursive: true, mode: 0o700 });
          if (enoughRoom(o.cacheDir)) for (const [name, script] of unsaved) writeCache(join(o.cacheDir, name + SUFFIX), underCacheFlags(() => script.createCachedData()));
          unsaved.clear();
        }
        clearOut(o);
      } catch {
        // A cache directory that cannot be made or read: the next start compiles as this one did.
      }
    },
  };
}

/**
 * The cache of `chunk`, if it is a regular file no older than the chunk: a FIFO or a device in its
 * place is not waited on, and a chunk edited in place (V8 matches a cache to its source by length
 * only) is not given the old one.
 */
function readCache(file: string, chunk: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > MAX_CACHE_BYTES || st.mtimeMs < statSync(chunk).mtimeMs) return undefined;
    const data = Buffer.allocUnsafe(st.size);
    let read = 0;
    while (read < st.size) {
      const n = readSync(fd, data, read, st.size - read, read);
      if (n === 0) return undefined;
      read += n;
    }
    return data;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Written whole under another name, then renamed: a process starting meanwhile reads the old cache
 * or the new one, never half of one. What a failed write leaves is removed at once.
 */
function writeCache(file: string, data: Buffer): void {
  // The pid alone can be another container's too, in a home they share.
  const partial = `${file}.${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  try {
    writeFileSync(partial, data, { mode: 0o600 });
    renameSync(partial, file);
  } catch {
    rmSync(partial, { force: true });
  }
}

function enoughRoom(dir: string): boolean {
  const fs = statfsSync(dir);
  return fs.bavail * fs.bsize >= MIN_FREE_BYTES;
}

/**
 * Removes, once old: caches of chunks this build does not have (kept 30 days, since another build
 * installed beside this one may still use them: removed at once, two builds sharing a home rewrote
 * each other's at every start), the caches of other V8s, and the halves of writes a killed process
 * left (after a minute).
 */
function clearOut(o: CodeCacheOptions): void {
  const now = Date.now();
  const current = new Set(readdirSync(o.chunksDir).map((chunk) => chunk + SUFFIX));
  for (const f of readdirSync(o.cacheDir)) {
    if (current.has(f)) continue;
    const path = join(o.cacheDir, f);
    if (statSync(path).mtimeMs < now - (f.endsWith(SUFFIX) ? OTHER_BUILD_KEEP_MS : PARTIAL_KEEP_MS)) rmSync(path, { recursive: true, force: true });
  }
  const versions = dirname(dirname(o.cacheDir));
  const ours = basename(dirname(o.cacheDir));
  for (const v of readdirSync(versions)) {
    const path = join(versions, v);
    if (v !== ours && statSync(path).mtimeMs < now - OTHER_BUILD_KEEP_MS) rmSync(path, { recursive: true, force: true });
  }
}
