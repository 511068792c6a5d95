/**
 * A small JSON file written atomically (temporary file, then rename), so a crash or a concurrent
 * writer never leaves half a file. Settings and credentials both live in one of these.
 *
 * What is read is checked by the file's own `parse`, which names the field and the fix: a file of
 * the wrong shape is an error, never a silent fall-back to defaults (that once sent a stored key
 * to the built-in URL). A private file found readable by others is repaired and reported.
 *
 * Why not conf: it loads in ~80 ms, and its writer (atomically → when-exit) re-raises SIGINT on the
 * process, which kills `tokencli run` before it can record an interrupted run.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A local file that cannot be used as it is: names the file, what is wrong, and the fix. */
export class LocalFileError extends Error {
  constructor(
    readonly path: string,
    problem: string,
    readonly hint: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'LocalFileError';
  }
}

export interface JsonFileOptions<T> {
  /** Defaults for a file that does not exist yet. */
  fallback: () => T;
  /** Checks what was read; throws a LocalFileError naming the field. */
  parse: (raw: unknown, path: string) => T;
  /** File mode; the directory is made private (0700) whenever the file is. */
  mode?: number;
  /** Given for secrets: a file readable by others is made private again, and this is told. */
  onRepair?: (message: string) => void;
}

export class JsonFile<T extends object> {
  /** Read once per process: a command asks for the profile, its URL and its key in turn. */
  private cached: T | undefined;
  private readonly mode: number;

  constructor(
    readonly path: string,
    private readonly o: JsonFileOptions<T>,
  ) {
    this.mode = o.mode ?? 0o600;
  }

  read(): T {
    this.cached ??= this.load();
    return this.cached;
  }

  private load(): T {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return this.o.fallback();
      throw new LocalFileError(this.path, `cannot be read (${code ?? (e as Error).message})`, 'check its permissions');
    }
    this.repairMode();
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new LocalFileError(this.path, `is not valid JSON (${(e as Error).message})`, 'fix it, or move it away to start over');
    }
    return this.o.parse(raw, this.path);
  }

  /** Credentials readable by others are made private again, and the user is told. */
  private repairMode(): void {
    if (!this.o.onRepair) return;
    try {
      const mode = statSync(this.path).mode & 0o777;
      if ((mode & 0o077) === 0) return;
      chmodSync(this.path, this.mode);
      this.o.onRepair?.(`${this.path} was readable by others (mode ${mode.toString(8)}); it is now ${this.mode.toString(8)}`);
    } catch {
      // A read-only home cannot be repaired; the read itself still works.
    }
  }

  write(data: T): void {
    const dir = dirname(this.path);
    const privateDir = (this.mode & 0o077) === 0;
    mkdirSync(dir, { recursive: true, mode: privateDir ? 0o700 : 0o755 });
    if (privateDir) chmodSync(dir, 0o700);
    const tmp = `${this.path}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, JSON.stringify(data, null, 2) + '\n', { mode: this.mode });
    renameSync(tmp, this.path);
    this.cached = data;
  }

  update(change: (data: T) => void): void {
    // A copy, so that a failed write leaves what was read untouched.
    const data = structuredClone(this.read());
    change(data);
    this.write(data);
  }
}

/** Helpers for `parse` functions: each names the field in the error. */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function expectRecord(v: unknown, path: string, field: string, hint: string): Record<string, unknown> {
  if (!isRecord(v)) throw new LocalFileError(path, `${field} must be an object (found ${describe(v)})`, hint);
  return v;
}

export function expectString(v: unknown, path: string, field: string, hint: string): string {
  if (typeof v !== 'string' || v === '') throw new LocalFileError(path, `${field} must be a non-empty string (found ${describe(v)})`, hint);
  return v;
}

export const describe = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? JSON.stringify(v.slice(0, 40)) : typeof v);
