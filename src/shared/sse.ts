/**
 * Server-Sent Events decoding per the WHATWG event-stream rules, for both the client (reading a
 * provider) and the server (reading an upstream). Pure: bytes in, events out.
 *
 * Handles what real providers send: `:` comment and keep-alive lines, CR, LF and CRLF line ends
 * (also split across chunks), several `data:` lines joined by "\n", and UTF-8 characters split
 * across chunk boundaries.
 *
 * It is on the hot path of every streamed answer (one event per token), so it walks each decoded
 * chunk with indexOf and takes one slice per `data:` line, rather than cutting the rest of the
 * chunk again after every line.
 */

export interface SseEvent {
  event?: string;
  data: string;
  id?: string;
}

const LF = 10;
const COLON = 58;
const SPACE = 32;
const BOM = 0xfeff;

/** Incremental decoder: feed it chunks, collect complete events. */
export class SseDecoder {
  /** The BOM is dropped by hand (see push), so that a chunk decoded whole cannot drop another. */
  private readonly text = new TextDecoder('utf-8', { ignoreBOM: true });
  /** Whether any text has been decoded: a byte order mark is ignored only at the very start. */
  private started = false;
  /** The start of a line whose end has not arrived yet. */
  private buffer = '';
  /** A chunk ended on "\r": if the next begins with "\n" it belongs to the same line end. */
  private pendingCR = false;
  private event: string | undefined;
  private id: string | undefined;
  /** The event's `data:` lines so far, joined by "\n"; undefined before the first. */
  private data: string | undefined;

  push(chunk: Uint8Array): SseEvent[] {
    // A chunk that ends in an ASCII byte ends on a character boundary: decoding it whole (bytes
    // held from the chunk before still join it) is several times faster than a streaming decode.
    const partial = chunk.length > 0 && chunk[chunk.length - 1]! >= 0x80;
    return this.pushText(this.text.decode(chunk, partial ? { stream: true } : undefined));
  }

  /** Flushes a final event that was not followed by a blank line (a stream cut without one). */
  end(): SseEvent[] {
    const events = this.pushText(this.text.decode());
    if (this.buffer.length > 0) {
      this.line(this.buffer, 0, this.buffer.length, events);
      this.buffer = '';
    }
    this.dispatch(events);
    return events;
  }

  private pushText(text: string): SseEvent[] {
    const events: SseEvent[] = [];
    if (text === '') return events;
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === BOM) text = text.slice(1);
      if (text === '') return events;
    }
    // `start`: where the current line begins in `s`; `from`: where its end is looked for. A line
    // held over from the last chunk has no line end in it, so the search starts after it.
    let s: string;
    let start = 0;
    let from: number;
    if (this.buffer === '') {
      s = text;
      if (this.pendingCR && text.charCodeAt(0) === LF) start = 1;
      from = start;
    } else {
      s = this.buffer + text;
      from = this.buffer.length;
      this.buffer = '';
    }
    this.pendingCR = false;
    // Where the next "\r" is, looked for again only once passed: most streams have none.
    let cr = s.indexOf('\r', from);
    for (;;) {
      if (cr !== -1 && cr < from) cr = s.indexOf('\r', from);
      const lf = s.indexOf('\n', from);
      let end: number;
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        end = cr;
        from = cr + 1;
        if (from === s.length) this.pendingCR = true;
        else if (s.charCodeAt(from) === LF) from++;
      } else if (lf !== -1) {
        end = lf;
        from = lf + 1;
      } else {
        break;
      }
      this.line(s, start, end, events);
      start = from;
    }
    if (start < s.length) this.buffer = start === 0 ? s : s.slice(start);
    return events;
  }

  /** The line s[start, end). */
  private line(s: string, start: number, end: number, events: SseEvent[]): void {
    if (start === end) return this.dispatch(events);
    const first = s.charCodeAt(start);
    if (first === COLON) return;
    // `data:` lines are nearly all of a stream: read without cutting the line out first.
    if (first === 100 /* d */ && s.startsWith('data', start) && (end === start + 4 || s.charCodeAt(start + 4) === COLON)) {
      let from = end === start + 4 ? end : start + 5;
      if (s.charCodeAt(from) === SPACE && from < end) from++;
      const value = s.slice(from, end);
      this.data = this.data === undefined ? value : `${this.data}\n${value}`;
      return;
    }
    const line = s.slice(start, end);
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.charCodeAt(0) === SPACE) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'id') this.id = value;
  }

  /** A blank line: the event so far, if it had data, and a fresh start (the last id stays). */
  private dispatch(events: SseEvent[]): void {
    if (this.data !== undefined) {
      const ev: SseEvent = { data: this.data };
      if (this.event !== undefined) ev.event = this.event;
      if (this.id !== undefined) ev.id = this.id;
      events.push(ev);
    }
    this.event = undefined;
    this.data = undefined;
  }
}

/** Decodes a byte stream into events as they complete. */
export async function* sseEvents(body: AsyncIterable<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new SseDecoder();
  for await (const chunk of body) {
    yield* decoder.push(chunk);
  }
  yield* decoder.end();
}

/** Encodes one event for the wire. */
export function encodeSse(data: string): string {
  return data
    .split('\n')
    .map((l) => `data: ${l}`)
    .join('\n')
    .concat('\n\n');
}
