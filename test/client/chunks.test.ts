/** completionChunks: [DONE], errors inside a 200 stream, malformed chunks, stalls and aborts. */
import { describe, expect, test } from 'vitest';
import { completionChunks } from '../../src/client/sse.js';
import { ApiError, InsufficientQuotaError, MalformedResponseError, TimeoutError, TruncatedStreamError } from '../../src/client/errors.js';

function sseResponse(parts: string[], o: { delayMs?: number; hangAfter?: boolean } = {}): Response {
  const enc = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(c) {
      for (const p of parts) {
        if (o.delayMs) await new Promise((r) => setTimeout(r, o.delayMs));
        c.enqueue(enc.encode(p));
      }
      if (!o.hangAfter) c.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream', 'x-request-id': 'req_1' } });
}

const chunk = (content: string | null, extra: object = {}) =>
  `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content }, finish_reason: null }], ...extra })}\n\n`;

async function all(res: Response, idle?: number) {
  let aborted = false;
  const out: unknown[] = [];
  try {
    for await (const c of completionChunks(res, () => (aborted = true), idle)) out.push(c);
  } catch (e) {
    return { out, aborted, error: e };
  }
  return { out, aborted, error: undefined };
}

describe('completionChunks', () => {
  test('stops at [DONE] and keeps the usage chunk with empty choices', async () => {
    const usage = `data: ${JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [], usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 } })}\n\n`;
    const r = await all(sseResponse([chunk('a'), chunk('b'), usage, 'data: [DONE]\n\n', chunk('after')]));
    expect(r.error).toBeUndefined();
    expect(r.out).toHaveLength(3);
    expect((r.out[2] as any).usage.total_tokens).toBe(3);
    expect(r.aborted).toBe(false);
  });

  test('an error object inside a 200 stream becomes an ApiError of the right class', async () => {
    const err = 'data: {"error":{"type":"insufficient_quota","code":"insufficient_balance","message":"out of tokens","param":null}}\n\n';
    const r = await all(sseResponse([chunk('a'), err]));
    expect(r.error).toBeInstanceOf(InsufficientQuotaError);
    expect((r.error as ApiError).message).toBe('out of tokens');
    expect(r.aborted).toBe(true);
  });

  test('a chunk that breaks the schema in a field we read names the field', async () => {
    const r = await all(sseResponse(['data: {"choices":[{"delta":{"content":5}}]}\n\n']));
    expect(r.error).toBeInstanceOf(MalformedResponseError);
    expect((r.error as Error).message).toMatch(/choices\.0\.delta\.content/);
  });

  test('fields we never read may be missing or null, as the official SDKs accept', async () => {
    const r = await all(sseResponse(['data: {"id":null,"choices":[{"delta":{"content":"hi"},"finish_reason":"stop"}]}\n\n', 'data: [DONE]\n\n']));
    expect(r.error).toBeUndefined();
    expect(r.out).toHaveLength(1);
  });

  test('a stream that stalls past the idle timeout fails with TimeoutError and aborts the request', async () => {
    const r = await all(sseResponse([chunk('a')], { hangAfter: true }), 100);
    expect(r.out).toHaveLength(1);
    expect(r.error).toBeInstanceOf(TimeoutError);
    expect(r.aborted).toBe(true);
  });

  test('leaving the loop early aborts the request', async () => {
    let aborted = false;
    for await (const _ of completionChunks(sseResponse([chunk('a'), chunk('b')]), () => (aborted = true))) break;
    expect(aborted).toBe(true);
  });

  describe('whole or flagged', () => {
    const answer = (body: string | null, type: string | null) =>
      new Response(body, { headers: { ...(type ? { 'content-type': type } : {}), 'x-request-id': 'req_2' } });

    test('an event stream that ends cleanly without a finish reason or [DONE] is truncated, after its chunks', async () => {
      const r = await all(sseResponse([chunk('half an ans')]));
      expect(r.out).toHaveLength(1);
      expect(r.error).toBeInstanceOf(TruncatedStreamError);
      expect(r.aborted).toBe(true);
    });

    test('a finish reason without [DONE] is a whole answer (some providers never send [DONE])', async () => {
      const r = await all(sseResponse([chunk('all'), chunk(null, { choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })]));
      expect(r.error).toBeUndefined();
      expect(r.out).toHaveLength(2);
    });

    test('a chat.completion JSON answer to a streaming request is turned into chunks', async () => {
      const completion = { id: 'x', object: 'chat.completion', choices: [{ message: { content: 'whole' }, finish_reason: 'stop' }], usage: { prompt_tokens: 3, completion_tokens: 1 } };
      const r = await all(answer(JSON.stringify(completion), 'application/json; charset=utf-8'));
      expect(r.error).toBeUndefined();
      expect(r.out).toEqual([{ choices: [{ delta: { content: 'whole' }, finish_reason: 'stop' }], usage: { prompt_tokens: 3, completion_tokens: 1 } }]);
    });

    test.each([
      ['HTML', '<html>proxy error</html>', 'text/html'],
      ['no content type', 'data: x', null],
      ['JSON null', 'null', 'application/json'],
      ['truncated JSON', '{"choices": [', 'application/json'],
      ['JSON of the wrong type', '{"choices": "nope"}', 'application/json'],
      ['an empty event stream', '', 'text/event-stream'],
    ])('%s is a malformed answer, never an empty success', async (_, body, type) => {
      const r = await all(answer(body, type));
      expect(r.out).toEqual([]);
      expect(r.error).toBeInstanceOf(MalformedResponseError);
    });

    test('an error event keeps the server message, in either shape', async () => {
      const bare = await all(sseResponse([chunk('a'), 'event: error\ndata: {"message":"upstream overloaded, try later"}\n\n']));
      expect((bare.error as Error).message).toBe('upstream overloaded, try later');
      const text = await all(sseResponse(['data: {"error":"model crashed"}\n\n']));
      expect((text.error as Error).message).toBe('model crashed');
    });
  });
});
