/**
 * Writing a run's history entry while its answer streams, in parts (m009_history_parts): what keeps
 * a long answer from being held whole, in this process or in FTS5.
 */
import type Database from 'better-sqlite3';
import { prepared } from '../sqlite/statements.js';
import type { Turn } from './history.js';

/**
 * A long answer is kept in parts of at most this many bytes of UTF-8, each its own row of
 * run_content and of the full-text index (FTS5 holds a row's terms in memory until the row is in):
 * memory stays flat however long the answer. Nearly every answer is shorter: it stays one row.
 */
export const PART_BYTES = 256 * 1024;

/**
 * A run's history entry, written while its answer streams: part 0 (the prompt, the files and the
 * answer's start) once PART_BYTES have arrived or the answer ends, each further part as it fills,
 * so that neither this process nor FTS5 ever holds more than a part or two of a long answer. The
 * text waits as UTF-8 in one reused buffer, outside the JavaScript heap: parts as strings were
 * large objects that only a full collection frees, and held 8 MiB at a time on a 10 MB answer.
 * Parts end before an ASCII whitespace byte (never inside a character, nor inside a word).
 *
 * A part that cannot be written (the ledger is locked past its busy timeout) is kept, with all that
 * follows, until `finish` tries again: the entry loses nothing that a write at the end would keep.
 * Text comes in whole characters (sendPrompt holds back the first half of a split one).
 */
export class TurnWriter {
  private buffer = Buffer.allocUnsafe(2 * PART_BYTES);
  private used = 0;
  private parts = 0;
  /** Parts wait for `finish` once the ledger refused one. */
  private waiting = false;
  /** Bytes of the answer in the history so far. */
  written = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly turn: Omit<Turn, 'answer'>,
  ) {}

  add(text: string): void {
    this.append(text);
    if (this.used <= PART_BYTES || this.waiting) return;
    try {
      this.writeParts(false);
    } catch {
      // Tried again at the end; until then the stream is not held up by a ledger that waits.
      this.waiting = true;
    }
  }

  /** Writes the rest (and part 0 of an empty or short answer); throws when the ledger refuses it. */
  finish(): void {
    this.writeParts(true);
  }

  private append(text: string): void {
    // Three bytes per UTF-16 unit at most: measured exactly only when that bound does not fit.
    if (this.used + 3 * text.length > this.buffer.length) this.makeRoom(Buffer.byteLength(text));
    this.used += this.buffer.write(text, this.used);
  }

  private makeRoom(bytes: number): void {
    if (this.used + bytes <= this.buffer.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(2 * this.buffer.length, this.used + bytes));
    this.buffer.copy(bigger, 0, 0, this.used);
    this.buffer = bigger;
  }

  private writeParts(all: boolean): void {
    let start = 0;
    try {
      // Only a part with text after it is cut: the text at its end may go on in the next read.
      while (this.used - start > PART_BYTES) {
        const end = start + partEnd(this.buffer.subarray(start, this.used));
        this.insert(this.buffer.subarray(start, end));
        start = end;
        // better-sqlite3 lets a connection cache 16 MB of pages: a long answer's parts would fill it.
        this.db.exec('PRAGMA shrink_memory');
      }
      if (all && (this.used > start || this.parts === 0)) {
        this.insert(this.buffer.subarray(start, this.used));
        start = this.used;
      }
    } finally {
      // What was written leaves the buffer, also when a later part was refused.
      this.buffer.copy(this.buffer, 0, start, this.used);
      this.used -= start;
    }
  }

  private insert(answer: Buffer): void {
    const t = this.turn;
    const first = this.parts === 0;
    // The bytes are bound as a blob and stored as the text they are: no string of the part is made.
    const insert = prepared(this.db, `INSERT INTO run_content (run_id, part, conversation_id, system, prompt, files, answer) VALUES (?, ?, ?, ?, ?, ?, CAST(? AS TEXT))`);
    this.db.transaction(() => insert.run(t.run_id, this.parts, t.conversation_id, first ? t.system : null, first ? t.prompt : '', first ? JSON.stringify(t.files) : '[]', answer)).immediate();
    this.parts++;
    this.written += answer.length;
  }
}

/** Where the part at the start of `bytes` ends: before the last whitespace in its second half, else at a character's start. */
function partEnd(bytes: Buffer): number {
  for (let i = PART_BYTES; i > PART_BYTES / 2; i--) if (bytes[i]! <= 32) return i;
  let i = PART_BYTES;
  while (i > 0 && (bytes[i]! & 0xc0) === 0x80) i--;
  return i;
}
