/** The SSE decoder against what real providers send, split at every possible byte. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SseDecoder, type SseEvent } from '../../src/shared/sse.js';
import { ReferenceSseDecoder } from './sse-reference.js';

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

  test('a byte order mark is dropped at the start of the stream only, however the chunks fall', () => {
    const bytes = enc.encode('\uFEFFdata: a\n\ndata: \uFEFFb\n\n');
    for (let i = 0; i <= bytes.length; i++) {
      expect(decodeChunks([bytes.slice(0, i), bytes.slice(i)]), `split at ${i}`).toEqual([{ data: 'a' }, { data: '\uFEFFb' }]);
    }
    // A chunk that ends on a character boundary starts no new stream: a mark after it stays.
    expect(decodeChunks([enc.encode('data: a\n'), enc.encode('\uFEFF: comment?\n\n')])).toEqual([{ data: 'a' }]);
    expect(decodeChunks([enc.encode('data: a\n\n'), enc.encode('\uFEFFdata: b\n\n')])).toEqual([{ data: 'a' }]);
  });

  test('decodes any stream, cut anywhere, as the plain reference decoder does (property)', () => {
    // Pieces that exercise every rule: field names with and without colon or space, every line end,
    // multi-byte characters, byte order marks, and bytes that are not UTF-8 at all.
    const piece = fc.oneof(
      fc.constantFrom('data', 'data:', 'data: ', 'dat', 'datum:', 'event:', 'event: ', 'id:', 'id: ', 'retry: 9', ':', ': c', ' ', 'x', '{"a":1}', '[DONE]'),
      fc.constantFrom('\n', '\r', '\r\n', '\n\n', '\r\r', '\r\n\r\n'),
      fc.constantFrom('你好', '😀', 'é', '\uFEFF'),
      fc.constantFrom(Uint8Array.of(0xff), Uint8Array.of(0xe4), Uint8Array.of(0xf0, 0x9f), Uint8Array.of(0x80)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 12 }), (pieces, cutSeeds) => {
        const bytes = Buffer.concat(pieces.map((p) => (typeof p === 'string' ? enc.encode(p) : p)));
        const cuts = [...new Set(cutSeeds.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const points = [0, ...cuts, bytes.length];
        const chunks = points.slice(1).map((end, i) => bytes.subarray(points[i], end));
        const reference = new ReferenceSseDecoder();
        const expected = [...chunks.flatMap((c) => reference.push(c)), ...reference.end()];
        expect(decodeChunks(chunks)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
