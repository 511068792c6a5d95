/**
 * Opening the ledger's SQLite file, for writing or only for reading, with what can go wrong said
 * plainly: a read-only home is read without writing anything (no migrations, no lock files); a
 * damaged file is moved aside, never silently replaced; the file is private (0600) from birth.
 */
import type Database from 'better-sqlite3';
import { sqliteDatabase } from '../sqlite/driver.js';
import { chmodSync, closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { migrate, unapplied } from '../sqlite/migrate.js';
import { LedgerError } from './errors.js';
import { LEDGER_MIGRATIONS } from './migrations.js';
import { prepared } from '../sqlite/statements.js';

/** How long a write waits for another process's lock before the run goes to the journal. */
export const DEFAULT_BUSY_TIMEOUT_MS = 10_000;

export interface OpenOptions {
  /** Read only: never migrate, never create a file, work on a read-only home. */
  readOnly?: boolean;
  busyTimeoutMs?: number;
  now?: () => Date;
}

const DAMAGE = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

export function openLedgerDb(file: string, o: OpenOptions = {}): Database.Database {
  const now = o.now ?? (() => new Date());
  try {
    return o.readOnly ? openForReading(file, o.busyTimeoutMs) : openForWriting(file, o.busyTimeoutMs, now);
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (!DAMAGE.has(code)) throw e;
    throw moveAside(file, (e as Error).message, now());
  }
}

function configure(db: Database.Database, busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS): void {
  // exec, not db.pragma(): pragma() prepares a statement that is then garbage-collected, and on
  // Node.js 24 a collected better-sqlite3 statement aborts the process (see sqlite/statements.ts).
  db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
}

function openForWriting(file: string, busyTimeoutMs: number | undefined, now: () => Date): Database.Database {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  // SQLite gives the -wal and -shm files the mode of the database file: make that one private first.
  closeSync(openSync(file, 'a', 0o600));
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const db = sqliteDatabase(file);
  try {
    configure(db, busyTimeoutMs);
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    db.exec('PRAGMA foreign_keys = ON');
    migrate(db, LEDGER_MIGRATIONS, now);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

function openForReading(file: string, busyTimeoutMs: number | undefined): Database.Database {
  if (!existsSync(file)) return emptyLedger();
  let db: Database.Database;
  try {
    db = sqliteDatabase(file, { readonly: true, fileMustExist: true });
    configure(db, busyTimeoutMs);
    prepared(db, 'SELECT 1 FROM sqlite_master LIMIT 1').get();
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (!/^SQLITE_(READONLY|CANTOPEN)/.test(code)) throw e;
    // A WAL database in a directory we may not write (no -shm can be made): read a copy in memory.
    db = snapshotInMemory(file);
  }
  const missing = unapplied(db, LEDGER_MIGRATIONS);
  if (missing.length === LEDGER_MIGRATIONS.length) {
    // A file no command has written yet (created empty, or its first migration never committed).
    db.close();
    return emptyLedger();
  }
  if (missing.length > 0) {
    db.close();
    throw new LedgerError(`the ledger ${file} was written by an older tokencli and needs an upgrade (${missing.join(', ')})`, 'run any command that records (for example `tokencli budget status`) where the home is writable');
  }
  return db;
}

/**
 * A copy to read from. With a write-ahead log beside the file (a process that ended without
 * checkpointing), the two are copied to a private temporary directory and opened there, so SQLite
 * replays the log: reading the main file alone would miss the newest runs. Without one, the file's
 * bytes as an in-memory database, with the WAL flag cleared (memdb has no WAL).
 */
function snapshotInMemory(file: string): Database.Database {
  if (existsSync(`${file}-wal`)) {
    const dir = mkdtempSync(join(tmpdir(), 'tokencli-ledger-'));
    copyFileSync(file, join(dir, 'ledger.db'));
    copyFileSync(`${file}-wal`, join(dir, 'ledger.db-wal'));
    const copy = sqliteDatabase(join(dir, 'ledger.db'));
    const bytes = copy.serialize();
    copy.close();
    rmSync(dir, { recursive: true, force: true });
    return fromBytes(bytes);
  }
  return fromBytes(readFileSync(file));
}

function fromBytes(bytes: Buffer): Database.Database {
  if (bytes.length >= 20) {
    bytes[18] = 1;
    bytes[19] = 1;
  }
  return sqliteDatabase(bytes, { readonly: true });
}

function emptyLedger(): Database.Database {
  const db = sqliteDatabase(':memory:');
  migrate(db, LEDGER_MIGRATIONS, () => new Date(0));
  return db;
}

function moveAside(file: string, reason: string, now: Date): LedgerError {
  const aside = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(file, aside);
    for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  } catch (e) {
    return new LedgerError(`the ledger ${file} is damaged (${reason}) and could not be moved aside (${(e as Error).message})`, `move it away by hand; the next command starts a new, empty ledger`);
  }
  return new LedgerError(
    `the ledger ${file} is damaged (${reason}); it was moved to ${aside}`,
    'the next command starts a new, empty ledger (budgets count from zero); keep the damaged copy to recover history with sqlite3 ".recover"',
  );
}
