/**
 * The journal beside the ledger: where a run goes when the ledger cannot take it (locked past the
 * wait, disk full, damaged). One JSON line per event, appended and fsynced; the next process that
 * opens the ledger for writing replays it and removes it. Replaying is idempotent (the ledger keeps
 * the first start of a run and never lets an estimate replace the server's figures).
 */
import { appendFileSync, closeSync, existsSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Ledger, RunEnd, RunStart } from './ledger.js';
import { isAlive } from './owner.js';

export type JournalEntry = { op: 'begin'; start: RunStart } | { op: 'complete'; end: RunEnd; start: RunStart };

export const journalPathFor = (ledgerFile: string) => join(dirname(ledgerFile), 'ledger.journal');

export function appendToJournal(path: string, entry: JournalEntry): void {
  const fd = openSync(path, 'a', 0o600);
  try {
    writeSync(fd, JSON.stringify(entry) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Applies every journalled event to the ledger; returns how many. The file is claimed by renaming
 * it first, so two processes never apply the same file at once; a claim left by a dead process is
 * taken over. Whatever cannot be applied now is appended back for the next attempt.
 */
export function replayJournal(path: string, ledger: Ledger): number {
  const dir = dirname(path);
  const claims = existsSync(dir)
    ? readdirSync(dir).filter((f) => f.startsWith(`${basename(path)}.replaying-`) && !isAlive(Number(f.split('-').at(-1))))
    : [];
  if (isFile(path)) {
    const mine = `${path}.replaying-${process.pid}`;
    try {
      renameSync(path, mine);
      claims.push(basename(mine));
    } catch {
      // Another process claimed it first.
    }
  }
  let applied = 0;
  for (const claim of claims) {
    const file = join(dir, claim);
    const entries = readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line) => parseLine(line));
    let done = 0;
    try {
      for (const e of entries) {
        if (e.op === 'begin') ledger.beginRun(e.start);
        else ledger.completeRun(e.end, e.start);
        done++;
      }
    } finally {
      const rest = entries.slice(done);
      if (rest.length > 0) appendFileSync(path, rest.map((e) => JSON.stringify(e) + '\n').join(''), { mode: 0o600 });
      rmSync(file, { force: true });
    }
    applied += done;
  }
  return applied;
}

const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** A line cut by a crash mid-append is skipped: its run is still pending in the ledger or lost with the process. */
function parseLine(line: string): JournalEntry[] {
  if (!line.trim()) return [];
  try {
    const e = JSON.parse(line) as JournalEntry;
    return e.op === 'begin' || e.op === 'complete' ? [e] : [];
  } catch {
    return [];
  }
}
