/**
 * Chat completion chunks from a streamed answer, whole or flagged: an event stream is read to
 * `[DONE]`; one that ends cleanly after some chunks but without `[DONE]` or a finish reason is a
 * TruncatedStreamError; a `chat.completion` JSON answer to a streaming request (some proxies do
 * that) becomes chunks; anything else is a MalformedResponseError. An `error` inside the stream
 * keeps the server's own message. Leaving the loop early aborts the request (after openai-node).
 */
import { sseEvents } from '../shared/sse.js';
import { ChatChunkSchema, ChatCompletionSchema, describeIssue, type ChatChunk, type ChatCompletion } from '../shared/wire.js';
import { ApiError, MalformedResponseError, TimeoutError, TruncatedStreamError, transportError } from './errors.js';

/** `idleTimeoutMs`: the longest wait for the next bytes of the stream before giving up. */
export async function* completionChunks(res: Response, abort: () => void, idleTimeoutMs?: number): AsyncGenerator<ChatChunk> {
  const requestId = res.headers.get('x-request-id') ?? undefined;
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (/^application\/(.+\+)?json$/.test(type)) {
    yield* completionAsChunks(await res.json().catch(() => undefined), res.headers, requestId);
    return;
  }
  if (type !== 'text/event-stream') {
    abort();
    throw new MalformedResponseError(`expected an event stream, got ${type ? `"${type}"` : 'an answer with no content type'}`, requestId);
  }
  if (!res.body) throw new MalformedResponseError('the stream has no body', requestId);
  let done = false;
  let chunks = 0;
  let finished = false;
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
      if (event.event === 'error' || (json as { error?: unknown } | null)?.error !== undefined) throw streamError(json, res.headers);
      const chunk = ChatChunkSchema.safeParse(json);
      if (!chunk.success) throw new MalformedResponseError(`unexpected stream chunk (${describeIssue(chunk.error)})`, requestId);
      chunks++;
      if (chunk.data.choices?.some((c) => c.finish_reason)) finished = true;
      yield chunk.data;
    }
    // Some providers end without [DONE] after the finish reason: that answer is whole.
    if (chunks === 0) throw new MalformedResponseError('the answer ended before any event of the stream', requestId);
    if (!finished) throw new TruncatedStreamError('the stream ended early: no finish reason and no [DONE]', requestId);
    done = true;
  } finally {
    if (!done) abort();
  }
}

/** A whole `chat.completion` answer, as the chunks a stream of it would have carried. */
function* completionAsChunks(json: unknown, headers: Headers, requestId: string | undefined): Generator<ChatChunk> {
  if ((json as { error?: unknown } | null)?.error !== undefined) throw streamError(json, headers);
  const parsed = ChatCompletionSchema.safeParse(json);
  if (!parsed.success) throw new MalformedResponseError(`unexpected answer (${describeIssue(parsed.error)})`, requestId);
  yield completionChunk(parsed.data);
}

export function completionChunk(c: ChatCompletion): ChatChunk {
  return {
    choices: c.choices.map((choice) => ({ delta: { content: choice.message?.content ?? '' }, finish_reason: choice.finish_reason ?? null })),
    ...(c.usage ? { usage: c.usage } : {}),
  };
}

/** `{"error": {...}}`, `{"error": "text"}` or a bare `{"message": ...}` after `event: error`. */
function streamError(json: unknown, headers: Headers): ApiError {
  const body = json as { error?: unknown; status?: unknown } | null;
  const inner = body?.error ?? body;
  const status = typeof body?.status === 'number' ? body.status : typeof (inner as { status?: unknown })?.status === 'number' ? (inner as { status: number }).status : 500;
  return ApiError.from(status, { error: inner }, headers, 'the server reported an error inside the stream without a message');
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
    throw transportError(e, 'the stream broke before it finished', requestId);
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
