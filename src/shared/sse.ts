/**
 * Server-Sent Events decoding per the WHATWG event-stream rules, for both the client (reading a
 * provider) and the server (reading an upstream). Pure: bytes in, events out.
 *
 * Handles what real providers send: `:` comment and keep-alive lines, CR, LF and CRLF line ends
 * (also split across chunks), several `data:` lines joined by "\n", and UTF-8 characters split
 * across chunk boundaries.
 */

export interface SseEvent {
  event?: string;
  data: string;
  id?: string;
}

/** Incremental decoder: feed it chunks, collect complete events. */
export class SseDecoder {
  private readonly text = new TextDecoder('utf-8');
  private buffer = '';
  /** A chunk ended on "\r": if the next begins with "\n" it belongs to the same line end. */
  private pendingCR = false;
  private event: string | undefined;
  private id: string | undefined;
  private data: string[] = [];

  push(chunk: Uint8Array): SseEvent[] {
    return this.pushText(this.text.decode(chunk, { stream: true }));
  }

  /** Flushes a final event that was not followed by a blank line (a stream cut without one). */
  end(): SseEvent[] {
    const events = this.pushText(this.text.decode());
    if (this.buffer.length > 0) {
      this.line(this.buffer, events);
      this.buffer = '';
    }
    this.line('', events);
    return events;
  }

  private pushText(text: string): SseEvent[] {
    const events: SseEvent[] = [];
    if (text === '') return events;
    let start = 0;
    if (this.pendingCR && text.startsWith('\n')) start = 1;
    this.pendingCR = false;
    let s = this.buffer + text.slice(start);
    this.buffer = '';
    for (;;) {
      const match = /\r\n|\r|\n/.exec(s);
      if (!match) break;
      if (match[0] === '\r' && match.index === s.length - 1) {
        this.pendingCR = true;
      }
      this.line(s.slice(0, match.index), events);
      s = s.slice(match.index + match[0].length);
    }
    this.buffer = s;
    return events;
  }

  private line(line: string, events: SseEvent[]): void {
    if (line === '') {
      if (this.data.length > 0) {
        const ev: SseEvent = { data: this.data.join('\n') };
        if (this.event !== undefined) ev.event = this.event;
        if (this.id !== undefined) ev.id = this.id;
        events.push(ev);
      }
      this.event = undefined;
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id') this.id = value;
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
