/** The SSE decoder against what real providers send, split at every possible byte. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SseDecoder, type SseEvent } from '../../src/shared/sse.js';

const enc = new TextEncoder();

function decodeChunks(chunks: Uint8Array[]): SseEvent[] {
  const d = new SseDecoder();
  return [...chunks.flatMap((c) => d.push(c)), ...d.end()];
}

const decode = (text: string) => decodeChunks([enc.encode(text)]);

/** A stream with everything providers do: comments, keep-alives, CRLF, multi-line data, UTF-8, usage, [DONE]. */
const SAMPLE = [
  ': OPENROUTER PROCESSING\r\n\r\n',
  'data: {"choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}\r\n\r\n',
  ':keep-alive\n\n',
  'data: {"choices":[{"index":0,"delta":{"content":"你好，世界"}}]}\n\n',
  'event: message\nid: 7\ndata: {"a":\ndata: 1}\n\n',
  'data: {"choices":[{"index":0,"delta":{"content":"😀 ok"}}]}\r\r',
  'data: {"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}\n\n',
  'data: {"choices":[{"index":0,"delta":{},"finish_reason":null}],"usage":{"prompt_tokens":1}}\n\n',
  'data: [DONE]\n\n',
].join('');

const EXPECTED: SseEvent[] = [
  { data: '{"choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}' },
  { data: '{"choices":[{"index":0,"delta":{"content":"你好，世界"}}]}' },
  { event: 'message', id: '7', data: '{"a":\n1}' },
  // The last event id persists until another one is set, as the event-stream rules say.
  { id: '7', data: '{"choices":[{"index":0,"delta":{"content":"😀 ok"}}]}' },
  { id: '7', data: '{"choices":[],"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}' },
  { id: '7', data: '{"choices":[{"index":0,"delta":{},"finish_reason":null}],"usage":{"prompt_tokens":1}}' },
  { id: '7', data: '[DONE]' },
];

describe('SseDecoder', () => {
  test('decodes the sample in one piece', () => {
    expect(decode(SAMPLE)).toEqual(EXPECTED);
  });

  test('decodes identically when split at every byte position (inside CRLF and UTF-8 too)', () => {
    const bytes = enc.encode(SAMPLE);
    for (let i = 0; i <= bytes.length; i++) {
      expect(decodeChunks([bytes.slice(0, i), bytes.slice(i)]), `split at ${i}`).toEqual(EXPECTED);
    }
  });

  test('decodes one byte at a time', () => {
    const bytes = enc.encode(SAMPLE);
    expect(decodeChunks([...bytes].map((b) => Uint8Array.of(b)))).toEqual(EXPECTED);
  });

  test('random splits decode identically (property)', () => {
    const bytes = enc.encode(SAMPLE);
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), bytes.length];
        const chunks = points.slice(1).map((end, i) => bytes.slice(points[i], end));
        expect(decodeChunks(chunks)).toEqual(EXPECTED);
      }),
      { numRuns: 500 },
    );
  });

  test('field rules: no space after the colon, a field without colon, unknown fields ignored', () => {
    expect(decode('data:x\n\ndata\n\nretry: 5\nfoo: bar\ndata: y\n\n')).toEqual([{ data: 'x' }, { data: '' }, { data: 'y' }]);
  });

  test('a final event without its blank line is still delivered at the end', () => {
    expect(decode('data: last')).toEqual([{ data: 'last' }]);
  });

  test('comments alone produce no events', () => {
    expect(decode(': ping\n\n: ping\n\n')).toEqual([]);
  });
});
