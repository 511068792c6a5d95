/**
 * Chat completion chunks from an SSE response. Stops at `[DONE]`; an `error` object inside a 200
 * stream becomes an ApiError; a broken or stalled connection becomes a ConnectionError or
 * TimeoutError; leaving the loop early aborts the request (after openai-node's Stream).
 */
import { sseEvents } from '../shared/sse.js';
import { ChatChunkSchema, describeIssue, type ChatChunk } from '../shared/wire.js';
import { AbortedError, ApiError, ConnectionError, MalformedResponseError, TimeoutError } from './errors.js';

export async function* completionChunks(res: Response, abort: () => void): AsyncGenerator<ChatChunk> {
  const requestId = res.headers.get('x-request-id') ?? undefined;
  if (!res.body) throw new MalformedResponseError('the stream has no body', requestId);
  let done = false;
  try {
    for await (const event of sseEvents(readBody(res.body, requestId))) {
      if (event.data === '[DONE]') {
        done = true;
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(event.data);
      } catch {
        throw new MalformedResponseError(`stream event is not JSON: ${event.data.slice(0, 80)}`, requestId);
      }
      if (event.event === 'error' || (json as { error?: unknown }).error !== undefined) {
        throw ApiError.from(500, json, res.headers, 'error inside the stream');
      }
      const chunk = ChatChunkSchema.safeParse(json);
      if (!chunk.success) throw new MalformedResponseError(`unexpected stream chunk (${describeIssue(chunk.error)})`, requestId);
      yield chunk.data;
    }
    // Some providers end without [DONE]; a cut connection is reported by readBody instead.
    done = true;
  } finally {
    if (!done) abort();
  }
}

async function* readBody(body: ReadableStream<Uint8Array>, requestId: string | undefined): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) yield chunk;
  } catch (e) {
    const err = e as Error & { cause?: { code?: string } };
    if (err.name === 'AbortError') throw new AbortedError('request aborted', requestId);
    const code = err.cause?.code ?? (err as { code?: string }).code;
    if (code === 'UND_ERR_BODY_TIMEOUT') throw new TimeoutError('the stream stalled: no data within the idle timeout', requestId);
    throw new ConnectionError(`the stream broke before it finished (${err.cause ? String((err.cause as Error).message ?? code) : err.message})`, requestId);
  }
}
