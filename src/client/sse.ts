/**
 * Chat completion chunks from a streamed answer, whole or flagged: an event stream is read to
 * `[DONE]`; one that ends cleanly after some chunks but without `[DONE]` or a finish reason is a
 * TruncatedStreamError; a `chat.completion` JSON answer to a streaming request (some proxies do
 * that) becomes chunks; anything else is a MalformedResponseError. An `error` inside the stream
 * keeps the server's own message. Leaving the loop early aborts the request (after openai-node).
 *
 * Chunks come in batches, one per network read: a 30,000-token answer arrives in a few hundred
 * reads, and one await per read instead of per chunk is most of what a fast client saves.
 */
import { SseDecoder } from '../shared/sse.js';
import type { ChatChunk, ChatCompletion } from '../shared/wire.js';
import { chunkProblem } from './chunk.js';
import { ApiError, MalformedResponseError, TimeoutError, TruncatedStreamError, transportError } from './errors.js';
import type { Readable } from 'node:stream';
import type { HeaderBag, WireResponse } from './wire-response.js';

/** `idleTimeoutMs`: the longest wait for the next bytes of the stream before giving up. */
export async function* completionChunks(res: WireResponse, abort: () => void, idleTimeoutMs?: number): AsyncGenerator<ChatChunk> {
  for await (const batch of completionBatches(res, abort, idleTimeoutMs)) yield* batch;
}

/** The chunks of each network read, in order; never an empty batch. */
export async function* completionBatches(res: WireResponse, abort: () => void, idleTimeoutMs?: number): AsyncGenerator<ChatChunk[]> {
  const requestId = res.headers.get('x-request-id') ?? undefined;
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (/^application\/(.+\+)?json$/.test(type)) {
    yield [await completionAsChunk(await res.json().catch(() => undefined), res.headers, requestId)];
    return;
  }
  if (type !== 'text/event-stream') {
    abort();
    throw new MalformedResponseError(`expected an event stream, got ${type ? `"${type}"` : 'an answer with no content type'}`, requestId);
  }
  const body = res.nodeBody ? nodeSource(res.nodeBody) : res.body ? webSource(res.body) : undefined;
  if (!body) throw new MalformedResponseError('the stream has no body', requestId);
  const decoder = new SseDecoder();
  let done = false;
  let chunks = 0;
  let finished = false;
  /** The chunks of one read's events; sets `done` at [DONE], after which nothing more is read. */
  const take = (events: ReturnType<SseDecoder['push']>): ChatChunk[] => {
    const batch: ChatChunk[] = [];
    for (const event of events) {
      if (event.data === '[DONE]') {
        done = true;
        break;
      }
      let json: unknown;
      try {
        json = JSON.parse(event.data);
      } catch {
        throw new MalformedResponseError(`stream event is not JSON: ${event.data.slice(0, 80)}`, requestId);
      }
      if (event.event === 'error' || (json as { error?: unknown } | null)?.error !== undefined) throw streamError(json, res.headers);
      const problem = chunkProblem(json);
      if (problem) throw new MalformedResponseError(`unexpected stream chunk (${problem})`, requestId);
      const chunk = json as ChatChunk;
      chunks++;
      if (!finished && chunk.choices) for (let i = 0; i < chunk.choices.length; i++) if (chunk.choices[i]!.finish_reason) finished = true;
      batch.push(chunk);
    }
    return batch;
  };
  // One timer for the whole stream, pushed back by each read, rather than a timer and a race per
  // read; and no generator of our own between the body and this loop, since every read (one per
  // event of a token stream) paid for each such step.
  let stalled: TimeoutError | undefined;
  const timer = idleTimeoutMs
    ? setTimeout(() => {
        // Set before aborting: the abort fails the pending read, and the catch below must see this first.
        stalled = new TimeoutError(`the stream stalled: nothing arrived for ${idleTimeoutMs / 1000}s`, requestId);
        abort();
        body.cancel(stalled);
      }, idleTimeoutMs)
    : undefined;
  const reads = body.pieces[Symbol.asyncIterator]();
  try {
    for (;;) {
      let read: IteratorResult<Uint8Array>;
      try {
        read = await reads.next();
      } catch (e) {
        // Only a failed read is the transport's: a chunk refused by `take` keeps its own error.
        throw stalled ?? transportError(e, 'the stream broke before it finished', requestId);
      }
      if (stalled) throw stalled;
      if (read.done) break;
      timer?.refresh();
      const batch = take(decoder.push(read.value));
      if (batch.length > 0) yield batch;
      if (done) return;
    }
    const last = take(decoder.end());
    if (last.length > 0) yield last;
    if (done) return;
    // Some providers end without [DONE] after the finish reason: that answer is whole.
    if (chunks === 0) throw new MalformedResponseError('the answer ended before any event of the stream', requestId);
    if (!finished) throw new TruncatedStreamError('the stream ended early: no finish reason and no [DONE]', requestId);
    done = true;
  } finally {
    clearTimeout(timer);
    if (!done) abort();
    // As a for-await loop would: the body is let go (a node:http response is destroyed).
    await reads.return?.();
  }
}

/** A whole `chat.completion` answer, as the chunk a stream of it would have carried (a cold path: zod is fine here). */
async function completionAsChunk(json: unknown, headers: HeaderBag, requestId: string | undefined): Promise<ChatChunk> {
  if ((json as { error?: unknown } | null)?.error !== undefined) throw streamError(json, headers);
  const { ChatCompletionSchema, describeIssue } = await import('../shared/wire.js');
  const parsed = ChatCompletionSchema.safeParse(json);
  if (!parsed.success) throw new MalformedResponseError(`unexpected answer (${describeIssue(parsed.error)})`, requestId);
  return completionChunk(parsed.data);
}

export function completionChunk(c: ChatCompletion): ChatChunk {
  return {
    choices: c.choices.map((choice) => ({ delta: { content: choice.message?.content ?? '' }, finish_reason: choice.finish_reason ?? null })),
    ...(c.usage ? { usage: c.usage } : {}),
  };
}

/** `{"error": {...}}`, `{"error": "text"}` or a bare `{"message": ...}` after `event: error`. */
function streamError(json: unknown, headers: HeaderBag): ApiError {
  const body = json as { error?: unknown; status?: unknown } | null;
  const inner = body?.error ?? body;
  const status = typeof body?.status === 'number' ? body.status : typeof (inner as { status?: unknown })?.status === 'number' ? (inner as { status: number }).status : 500;
  return ApiError.from(status, { error: inner }, headers, 'the server reported an error inside the stream without a message');
}

/** A body to read: its pieces, and how to stop it when it stalls. */
interface Source {
  pieces: AsyncIterable<Uint8Array>;
  cancel(reason: Error): void;
}

/** node:http's response: each step yields all that arrived since the last. */
const nodeSource = (body: Readable): Source => ({ pieces: body, cancel: (reason) => body.destroy(reason) });

function webSource(body: ReadableStream<Uint8Array>): Source {
  const reader = body.getReader();
  return {
    pieces: (async function* () {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      } finally {
        reader.releaseLock();
      }
    })(),
    cancel: (reason) => void reader.cancel(reason).catch(() => undefined),
  };
}
