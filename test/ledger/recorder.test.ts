/**
 * The ledger's recording discipline at its seams: write-ahead rows counted at their worst case,
 * the journal fallback and its idempotent replay, the error that names a run nothing could take,
 * and resolution of rows whose process died.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { NotRecordedError } from '../../src/ledger/errors.js';
import { journalPathFor, replayJournal } from '../../src/ledger/journal.js';
import { Ledger, type RunEnd, type RunStart } from '../../src/ledger/ledger.js';
import { RunRecorder } from '../../src/ledger/recorder.js';
import { resolveRuns } from '../../src/ledger/resolve.js';
import { tempDir } from '../helpers/procs.js';

const NOW = new Date('2026-11-27T12:00:00Z');
const start = (id: string, o: Partial<RunStart> = {}): RunStart => ({
  id,
  created_at: NOW.toISOString(),
  profile: 'default',
  provider: 'tokenplan',
  api_url: 'http://127.0.0.1:1',
  account: 'key:a',
  model: 'm',
  prompt_tokens: 10,
  reserve_tokens: 500,
  forced: false,
  pid: process.pid,
  ...o,
});
const end = (id: string, o: Partial<RunEnd> = {}): RunEnd => ({
  id,
  prompt_tokens: 8,
  completion_tokens: 4,
  billed_tokens: 12,
  cost_minor: null,
  currency: null,
  status: 'ok',
  source: 'server',
  duration_ms: 5,
  ttft_ms: 1,
  error: null,
  ...o,
});
const day = () => [new Date(NOW.getTime() - 3_600_000), new Date(NOW.getTime() + 3_600_000)] as const;

function fresh() {
  const dir = tempDir();
  const file = join(dir, 'ledger.db');
  return { dir, file, ledger: Ledger.open(file), journal: journalPathFor(file) };
}

const SQLITE_FULL = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

describe('write-ahead rows', () => {
  test('a pending run counts at its worst case until it is completed with what it really cost', () => {
    const { ledger } = fresh();
    ledger.beginRun(start('r1'));
    expect(ledger.billedBetween('default', ...day())).toBe(500);
    ledger.completeRun(end('r1'));
    expect(ledger.billedBetween('default', ...day())).toBe(12);
  });

  test('an estimate never replaces the server\'s figures, and a replayed start never duplicates a row', () => {
    const { ledger } = fresh();
    ledger.beginRun(start('r1'));
    ledger.completeRun(end('r1'));
    ledger.completeRun(end('r1', { billed_tokens: 99, source: 'estimate', status: 'interrupted' }));
    ledger.beginRun(start('r1'));
    expect(ledger.billedBetween('default', ...day())).toBe(12);
  });
});

describe('the recorder', () => {
  test('when the ledger fails, the run goes to the journal, and a replay applies it exactly once', () => {
    const { ledger, journal } = fresh();
    const failing = new RunRecorder(() => {
      throw SQLITE_FULL;
    }, journal);
    expect(failing.begin(start('r1'))).toBe('journal');
    expect(failing.complete(end('r1'), start('r1'))).toBe('journal');
    expect(failing.problem).toBe('database or disk is full');
    expect(replayJournal(journal, ledger)).toBe(2);
    expect(replayJournal(journal, ledger)).toBe(0);
    expect(ledger.billedBetween('default', ...day())).toBe(12);
  });

  test('a line cut by a crash mid-append is skipped, the rest applied', () => {
    const { ledger, journal } = fresh();
    new RunRecorder(() => {
      throw SQLITE_FULL;
    }, journal).complete(end('r2'), start('r2'));
    writeFileSync(journal, '{"op":"begin","start":{"id":"half', { flag: 'a' });
    expect(replayJournal(journal, ledger)).toBe(1);
    expect(ledger.billedBetween('default', ...day())).toBe(12);
  });

  test('when neither the ledger nor the journal can take the run, the error names the run and both causes', () => {
    const { dir } = fresh();
    mkdirSync(join(dir, 'ledger.journal'));
    const recorder = new RunRecorder(() => {
      throw SQLITE_FULL;
    }, join(dir, 'ledger.journal'));
    expect(() => recorder.begin(start('r3'))).toThrow(NotRecordedError);
    expect(() => recorder.begin(start('r3'))).toThrow(/run r3 could not be recorded: ledger: database or disk is full; journal: EISDIR/);
  });
});

describe('resolution', () => {
  test('a pending row of a dead process becomes unresolved at its worst case, then the server\'s record settles it', async () => {
    const { ledger } = fresh();
    ledger.beginRun(start('dead', { pid: 2 ** 22 + 12345 }));
    ledger.beginRun(start('alive'));
    const first = await resolveRuns(ledger, { apiUrl: 'http://127.0.0.1:1', account: 'key:a', now: NOW });
    expect(first).toEqual({ settled: 0, unresolved: 1 });
    expect(ledger.billedBetween('default', ...day())).toBe(1000);
    const asked: string[] = [];
    const second = await resolveRuns(ledger, {
      apiUrl: 'http://127.0.0.1:1',
      account: 'key:a',
      now: NOW,
      lookup: async (id) => (asked.push(id), { prompt_tokens: 9, completion_tokens: 30, billed_tokens: 39, status: 'interrupted' }),
    });
    expect(asked).toEqual(['dead']);
    expect(second).toEqual({ settled: 1, unresolved: 0 });
    expect(ledger.billedBetween('default', ...day())).toBe(539);
  });

  test('a pid that is alive but was reused by another process (or is PID 1 of a container) does not keep a row pending', async () => {
    const { ledger } = fresh();
    ledger.beginRun(start('reused', { pid: process.pid }));
    ledger.db.prepare("UPDATE runs SET pid_start = 'some-other-start' WHERE id = 'reused'").run();
    ledger.beginRun(start('mine'));
    expect(await resolveRuns(ledger, { apiUrl: 'http://127.0.0.1:1', account: 'key:a', now: NOW })).toEqual({ settled: 0, unresolved: 1 });
    expect(ledger.pendingRuns().map((r) => r.id)).toEqual(['mine']);
  });

  test('rows of another server or account are never looked up with this one\'s client; a row unknown to the server is asked about a bounded number of times', async () => {
    const { ledger } = fresh();
    ledger.beginRun(start('other', { api_url: 'http://elsewhere', pid: 2 ** 22 + 1 }));
    ledger.beginRun(start('mine', { created_at: new Date(NOW.getTime() - 30 * 60_000).toISOString(), pid: 2 ** 22 + 2 }));
    const asked: string[] = [];
    const lookup = async (id: string) => (asked.push(id), 'unknown' as const);
    for (let i = 0; i < 5; i++) await resolveRuns(ledger, { apiUrl: 'http://127.0.0.1:1', account: 'key:a', now: NOW, lookup });
    expect(asked).toEqual(['mine', 'mine', 'mine']);
  });

  test('an hour after the run, a server with no record of it settles it as unbilled: no permanent over-count', async () => {
    const { ledger } = fresh();
    ledger.beginRun(start('never-arrived', { created_at: new Date(NOW.getTime() - 2 * 3_600_000).toISOString(), pid: 2 ** 22 + 3 }));
    expect(ledger.billedBetween('default', new Date(NOW.getTime() - 86_400_000), NOW)).toBe(500);
    const r = await resolveRuns(ledger, { apiUrl: 'http://127.0.0.1:1', account: 'key:a', now: NOW, lookup: async () => 'unknown' });
    expect(r.settled).toBe(1);
    expect(ledger.billedBetween('default', new Date(NOW.getTime() - 86_400_000), NOW)).toBe(0);
  });
});
