/**
 * OpenAI-compatible chat completions, metered: admit (hold) → generate → settle. Settlement happens
 * exactly once whichever way the request ends: completed, failed, or cut off by the client.
 */
import { randomUUID } from 'node:crypto';
import { encodeSse } from '../../shared/sse.js';
import { ChatRequestSchema, type ChatRequest } from '../../shared/wire.js';
import { loadTokenCounter } from '../../tokens/estimate.js';
import type { App, AppDeps } from '../app.js';
import type { Generation, ModelInfo } from '../backends/backend.js';
import { ApiProblem, notFound } from '../errors.js';
import type { Admission, SettledUsage } from '../meter.js';
import { parseJsonBody } from './parse.js';
import { quotaHeaders, windowsOf } from './quota.js';

export function registerChatRoutes(app: App, deps: AppDeps): void {
  app.post('/v1/chat/completions', async (c) => {
    const accountId = c.get('account').id;
    const req = await parseJsonBody(c, ChatRequestSchema);
    const model = (await deps.backend.listModels()).find((m) => m.id === req.model);
    if (!model) throw notFound(`model "${req.model}" does not exist: see GET /v1/models`, 'model_not_found', 'model');
    const requestedMax = req.max_completion_tokens ?? req.max_tokens ?? undefined;
    const id = `chatcmpl-${randomUUID().replaceAll('-', '')}`;
    const admission = await deps.meter.admit(accountId, id, model, req.messages, requestedMax, runIdOf(c.req.header('idempotency-key')));

    const controller = new AbortController();
    deps.inflight.add(controller);
    const generation = deps.backend.generate({
      model: model.id,
      messages: req.messages,
      maxTokens: admission.maxTokens,
      ...(requestedMax !== undefined ? { requestedMaxTokens: requestedMax } : {}),
      ...(req.temperature != null ? { temperature: req.temperature } : {}),
      signal: controller.signal,
    });
    // The windows as this request's hold leaves them, computed before generation starts.
    const quota = quotaHeaders(await windowsOf(deps.db, accountId, deps.now()));
    const run = new MeteredRun(deps, accountId, id, model, admission, generation, controller);
    const res = req.stream ? run.streamResponse(req) : await run.jsonResponse();
    for (const [name, value] of Object.entries(quota)) res.headers.set(name, value);
    return res;
  });
}

class MeteredRun {
  private text = '';
  /** Pieces delivered so far: the progress of a backend that counts its tokens only at the end. */
  private pieces = 0;
  private readonly stopLease: () => void;
  private settling: Promise<SettledUsage> | undefined;
  /** The client cancelled the stream: nothing more may be written to it. */
  private cancelled = false;
  private readonly created = Math.floor(Date.now() / 1000);

  constructor(
    private readonly deps: AppDeps,
    private readonly accountId: string,
    private readonly id: string,
    private readonly model: ModelInfo,
    private readonly admission: Admission,
    private readonly generation: Generation,
    private readonly controller: AbortController,
  ) {
    // An upstream sends about one token per delta; its own count replaces this at settlement.
    this.stopLease = deps.meter.keepAlive(admission, () => generation.completionTokens() ?? this.pieces);
  }

  /** Bills what was produced: the backend's own count when it has one, else the tokenizer's. */
  private settle(status: 'completed' | 'aborted' | 'failed'): Promise<SettledUsage> {
    this.settling ??= this.settleOnce(status);
    return this.settling;
  }

  private async settleOnce(status: 'completed' | 'aborted' | 'failed'): Promise<SettledUsage> {
    this.stopLease();
    const counted = this.generation.completionTokens() ?? (await loadTokenCounter()).count(this.text);
    // A backend that failed before producing anything costs the customer nothing: the fault is ours.
    const promptTokens = status === 'failed' && counted === 0 ? 0 : this.generation.promptTokens();
    const usage = await this.deps.meter.settle(
      this.accountId,
      this.id,
      this.model,
      this.admission,
      { promptTokens, completionTokens: counted },
      status,
    );
    this.deps.inflight.delete(this.controller);
    return usage;
  }

  async jsonResponse(): Promise<Response> {
    try {
      for await (const piece of this.generation.pieces) {
        this.text += piece;
        this.pieces++;
      }
    } catch (e) {
      await this.settle('failed');
      throw e;
    }
    const usage = await this.settle(this.controller.signal.aborted ? 'aborted' : 'completed');
    return Response.json({
      id: this.id,
      object: 'chat.completion',
      created: this.created,
      model: this.model.id,
      choices: [{ index: 0, message: { role: 'assistant', content: this.text }, finish_reason: this.generation.finishReason() }],
      usage,
    });
  }

  streamResponse(req: ChatRequest): Response {
    const includeUsage = req.stream_options?.include_usage === true;
    const encoder = new TextEncoder();
    const iterator = this.generation.pieces[Symbol.asyncIterator]();
    const chunk = (delta: object, finish: string | null, usage?: SettledUsage | null) =>
      encoder.encode(
        encodeSse(
          JSON.stringify({
            id: this.id,
            object: 'chat.completion.chunk',
            created: this.created,
            model: this.model.id,
            choices: usage ? [] : [{ index: 0, delta, finish_reason: finish }],
            ...(includeUsage ? { usage: usage ?? null } : {}),
          }),
        ),
      );
    const body = new ReadableStream<Uint8Array>({
      start: (out) => out.enqueue(chunk({ role: 'assistant', content: '' }, null)),
      pull: async (out) => {
        try {
          const next = await iterator.next();
          if (this.cancelled) return;
          if (!next.done) {
            this.text += next.value;
            this.pieces++;
            out.enqueue(chunk({ content: next.value }, null));
            return;
          }
          // Generation ended: naturally, or stopped by a server shutdown after its grace period.
          const usage = await this.settle(this.controller.signal.aborted ? 'aborted' : 'completed');
          out.enqueue(chunk({}, this.generation.finishReason()));
          if (includeUsage) out.enqueue(chunk({}, null, usage));
          out.enqueue(encoder.encode('data: [DONE]\n\n'));
          out.close();
        } catch (e) {
          if (this.cancelled) return;
          // Headers are gone already: the error travels inside the stream, as OpenAI does it.
          await this.settle('failed');
          const problem = e instanceof ApiProblem ? e : new ApiProblem(500, 'server_error', 'generation failed', 'internal_error');
          if (!(e instanceof ApiProblem)) console.error(e);
          out.enqueue(encoder.encode(encodeSse(JSON.stringify(problem.toBody()))));
          out.close();
        }
      },
      cancel: async () => {
        // The client went away: stop generating and bill the prompt plus what was produced.
        this.cancelled = true;
        this.controller.abort();
        await this.settle('aborted');
      },
    });
    return new Response(body, {
      headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' },
    });
  }
}

/** A chat request's Idempotency-Key is the client's run id: kept when it is a sane one, else ignored. */
function runIdOf(header: string | undefined): string | null {
  return header && /^[\x21-\x7e]{1,255}$/.test(header) ? header : null;
}
