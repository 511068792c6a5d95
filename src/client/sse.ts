/**
 * Chat completion chunks from an SSE response. Stops at `[DONE]`; an `error` object inside a 200
 * stream becomes an ApiError; a broken or stalled connection becomes a ConnectionError or
 * TimeoutError; leaving the loop early aborts the request (after openai-node's Stream).
 */
import { sseEvents } from '../shared/sse.js';
import { ChatChunkSchema, describeIssue, type ChatChunk } from '../shared/wire.js';
import { AbortedError, ApiError, ConnectionError, MalformedResponseError, TimeoutError } from './errors.js';

/** `idleTimeoutMs`: the longest wait for the next bytes of the stream before giving up. */
export async function* completionChunks(res: Response, abort: () => void, idleTimeoutMs?: number): AsyncGenerator<ChatChunk> {
  const requestId = res.headers.get('x-request-id') ?? undefined;
  if (!res.body) throw new MalformedResponseError('the stream has no body', requestId);
  let done = false;
  try {
    for await (const event of sseEvents(readBody(res.body, requestId, abort, idleTimeoutMs))) {
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

async function* readBody(
  body: ReadableStream<Uint8Array>,
  requestId: string | undefined,
  abort: () => void,
  idleTimeoutMs: number | undefined,
): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await withIdleTimeout(reader.read(), idleTimeoutMs, abort, requestId);
      if (done) return;
      yield value;
    }
  } catch (e) {
    if (e instanceof TimeoutError) throw e;
    const err = e as Error & { cause?: { code?: string; message?: string } };
    if (err.name === 'AbortError') throw new AbortedError('request aborted', requestId);
    throw new ConnectionError(`the stream broke before it finished (${err.cause?.message ?? err.cause?.code ?? err.message})`, requestId);
  } finally {
    reader.releaseLock();
  }
}

function withIdleTimeout<T>(read: Promise<T>, ms: number | undefined, abort: () => void, requestId: string | undefined): Promise<T> {
  if (!ms) return read;
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // Reject before aborting: the abort fails the pending read too, and the race must see this first.
      reject(new TimeoutError(`the stream stalled: nothing arrived for ${ms / 1000}s`, requestId));
      abort();
    }, ms);
  });
  return Promise.race([read, stalled]).finally(() => clearTimeout(timer));
}
