/**
 * A long answer is written to the history in parts while it streams (m009_history_parts): read back
 * whole and byte for byte, searched as one run (every word somewhere in it), removed as one run, and
 * kept, not lost, when the ledger is locked while it streams.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { History } from '../../src/ledger/history.js';
import { PART_BYTES } from '../../src/ledger/history-writer.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { tempDir } from '../helpers/procs.js';

const file = join(tempDir(), 'ledger.db');
const ledger = Ledger.open(file);
afterAll(() => ledger.close());
const history = new History(ledger.db);

const insertRun = ledger.db.prepare(
  `INSERT INTO runs (id, created_at, profile, provider, model, prompt_tokens, completion_tokens, billed_tokens, status, source, duration_ms, forced)
   VALUES (?, ?, 'default', 'tokenplan', 'm', 1, 1, 2, 'ok', 'server', 1, 0)`,
);
let minute = 0;
function newRun(): string {
  const id = randomUUID();
  insertRun.run(id, new Date(Date.parse('2026-11-01T00:00:00Z') + minute++ * 60_000).toISOString());
  return id;
}

/** About `bytes` of text in lines of words, with characters of two, three and four bytes. */
function longText(bytes: number, first: string, last: string): string {
  const words = ['plan', 'token', 'café', '日本語', 'meter', '🙂ok', 'river', 'stone'];
  const lines = [first];
  let size = first.length;
  for (let i = 0; size < bytes; i++) {
    const line = Array.from({ length: 12 }, (_, j) => words[(i + j) % words.length]).join(' ');
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return `${lines.join('\n')}\n${last}`;
}

/** Feeds `text` to a writer in pieces of about `size` UTF-16 units, each of whole characters, as sendPrompt does. */
function stream(id: string, text: string, size = 997, conversation = 'conv') {
  const writer = history.writer({ run_id: id, conversation_id: conversation, system: 'terse', prompt: 'tell me a long story', files: [] });
  for (let i = 0; i < text.length; ) {
    let end = Math.min(i + size, text.length);
    if (/[\ud800-\udbff]/.test(text[end - 1]!)) end++;
    writer.add(text.slice(i, end));
    i = end;
  }
  return writer;
}

const parts = (id: string) => ledger.db.prepare('SELECT part, prompt, answer, length(CAST(answer AS BLOB)) AS bytes FROM run_content WHERE run_id = ? ORDER BY part').all(id) as { part: number; prompt: string; answer: string; bytes: number }[];

describe('an answer longer than a part', () => {
  const id = newRun();
  const text = longText(3.5 * PART_BYTES, 'aardvark opens', 'zebra closes');
  const writer = stream(id, text);
  const beforeFinish = parts(id).length;
  writer.finish();

  test('is written part by part as it arrives, each part at most PART_BYTES and ending before whitespace', () => {
    expect(beforeFinish).toBe(3);
    const rows = parts(id);
    expect(rows.map((r) => r.part)).toEqual([0, 1, 2, 3]);
    expect(rows.every((r) => r.bytes <= PART_BYTES)).toBe(true);
    expect(rows.slice(1).every((r) => /^\s/.test(r.answer))).toBe(true);
    expect(rows.map((r) => r.prompt)).toEqual(['tell me a long story', '', '', '']);
    expect(writer.written).toBe(Buffer.byteLength(text));
  });

  test('is read back whole, byte for byte, by find, list and conversation', () => {
    expect((history.find(id) as { answer: string }).answer).toBe(text);
    expect(history.list({ limit: 1 })[0]!.answer).toBe(text);
    expect(history.conversation('conv')).toEqual([{ run_id: id, conversation_id: 'conv', system: 'terse', prompt: 'tell me a long story', files: [], answer: text }]);
  });

  test('is found by words of its first and its last part, also both at once, and only once', () => {
    expect(history.list({ limit: 10, search: 'aardvark' }).map((r) => r.id)).toEqual([id]);
    expect(history.list({ limit: 10, search: 'zebra' }).map((r) => r.id)).toEqual([id]);
    expect(history.list({ limit: 10, search: 'aardvark zebra' }).map((r) => r.id)).toEqual([id]);
    expect(history.list({ limit: 10, search: 'story zebra' }).map((r) => r.id)).toEqual([id]);
    expect(history.list({ limit: 10, search: 'café' }).map((r) => r.id)).toEqual([id]);
    expect(history.list({ limit: 10, search: 'aardvark absent' })).toEqual([]);
  });
});

test('a part of a text without whitespace ends at a character, not inside one', () => {
  const id = newRun();
  const text = '日本'.repeat(PART_BYTES / 4);
  stream(id, text, 5000).finish();
  const rows = parts(id);
  expect(rows.length).toBe(2);
  // Each part valid UTF-8 of its own: one cut inside a character reads back as U+FFFD, longer.
  expect(rows.every((r) => Buffer.byteLength(r.answer) === r.bytes)).toBe(true);
  expect((history.find(id) as { answer: string }).answer).toBe(text);
});

test('a short answer, or none, is one row, as before', () => {
  const short = newRun();
  stream(short, 'just this').finish();
  const empty = newRun();
  stream(empty, '').finish();
  expect(parts(short)).toEqual([{ part: 0, prompt: 'tell me a long story', answer: 'just this', bytes: 9 }]);
  expect(parts(empty)).toEqual([{ part: 0, prompt: 'tell me a long story', answer: '', bytes: 0 }]);
});

test('logs rm counts runs, not parts, and takes every part out of the search', () => {
  const id = newRun();
  stream(id, longText(2.5 * PART_BYTES, 'walrus first', 'yak last')).finish();
  expect(history.remove([id])).toBe(1);
  expect(ledger.db.prepare('SELECT count(*) FROM run_content WHERE run_id = ?').pluck().get(id)).toBe(0);
  expect(history.list({ limit: 10, search: 'yak' })).toEqual([]);
  expect(history.list({ limit: 10, search: 'walrus' })).toEqual([]);
});

test('a ledger locked while the answer streams: the parts wait in memory and are written at the end', () => {
  const id = newRun();
  const text = longText(2.5 * PART_BYTES, 'gnu first', 'ibex last');
  const other = new Database(file);
  other.exec('PRAGMA busy_timeout = 0');
  ledger.db.exec('PRAGMA busy_timeout = 0');
  try {
    other.exec('BEGIN IMMEDIATE');
    const writer = stream(id, text);
    expect(parts(id)).toEqual([]);
    expect(() => writer.finish()).toThrow(/locked|busy/i);
    other.exec('COMMIT');
    writer.finish();
  } finally {
    ledger.db.exec('PRAGMA busy_timeout = 10000');
    other.close();
  }
  expect((history.find(id) as { answer: string }).answer).toBe(text);
  expect(history.list({ limit: 10, search: 'gnu ibex' }).map((r) => r.id)).toEqual([id]);
});
