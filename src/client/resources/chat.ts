/** Chat completions, streamed or whole; the run id travels as the Idempotency-Key so the server can tie its record to it. */
import type { TokenClient } from '../client.js';
import { completionBatches, completionChunks } from '../sse.js';
import type { HeaderBag, WireResponse } from '../wire-response.js';
import type { ChatChunk, ChatCompletion, ChatRequest } from '../../shared/wire.js';

export interface ChatCallOptions {
  signal?: AbortSignal;
  /** The run id, sent as `Idempotency-Key` so the server can tie its record to the client's. */
  idempotencyKey?: string;
  /** Given the answer's headers (the quota windows travel in them), before its body is read. */
  onHeaders?: (headers: HeaderBag) => void;
}

export class Chat {
  constructor(private readonly c: TokenClient) {}

  create(body: ChatRequest, o: ChatCallOptions = {}): Promise<ChatCompletion> {
    return this.c.request('POST', `${this.c.prefix}/chat/completions`, { schema: (w) => w.ChatCompletionSchema, body: { ...body, stream: false }, ...o });
  }

  /** Streams chunks as they arrive, asking for the usage chunk at the end. */
  async stream(body: ChatRequest, o: ChatCallOptions = {}): Promise<AsyncGenerator<ChatChunk>> {
    const res = await this.open(body, o);
    return completionChunks(res.res, res.abort, this.c.opts.timeoutMs);
  }

  /** The same stream as batches, one per network read: what a client that writes once per read wants. */
  async streamBatches(body: ChatRequest, o: ChatCallOptions = {}): Promise<AsyncGenerator<ChatChunk[]>> {
    const res = await this.open(body, o);
    return completionBatches(res.res, res.abort, this.c.opts.timeoutMs);
  }

  private async open(body: ChatRequest, o: ChatCallOptions): Promise<{ res: WireResponse; abort: () => void }> {
    const controller = new AbortController();
    const signal = o.signal ? AbortSignal.any([o.signal, controller.signal]) : controller.signal;
    const res = await this.c.send('POST', `${this.c.prefix}/chat/completions`, {
      body: { ...body, stream: true, stream_options: { include_usage: true } },
      stream: true,
      signal,
      ...(o.idempotencyKey ? { idempotencyKey: o.idempotencyKey } : {}),
      ...(o.onHeaders ? { onHeaders: o.onHeaders } : {}),
    });
    return { res, abort: () => controller.abort() };
  }
}
