/**
 * The event-stream rules written plainly (a regular expression per line end, a slice per line), as
 * the SSE decoder was before it was made fast: the oracle its property test compares it with.
 */
import type { SseEvent } from '../../src/shared/sse.js';

export class ReferenceSseDecoder {
  private readonly text = new TextDecoder('utf-8');
  private buffer = '';
  private pendingCR = false;
  private event: string | undefined;
  private id: string | undefined;
  private data: string[] = [];

  push(chunk: Uint8Array): SseEvent[] {
    return this.pushText(this.text.decode(chunk, { stream: true }));
  }

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
      if (match[0] === '\r' && match.index === s.length - 1) this.pendingCR = true;
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
