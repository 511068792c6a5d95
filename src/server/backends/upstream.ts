/**
 * Forwards chat completions to any OpenAI-compatible endpoint and meters what comes back. The
 * upstream is always asked to stream with usage, so the server sees tokens as they are produced and
 * can stop (and bill what was produced) when its own client goes away.
 */
import { sseEvents } from '../../shared/sse.js';
import { ApiProblem } from '../errors.js';
import type { Backend, GenerateRequest, Generation, ModelInfo } from './backend.js';
import type { BillingRates } from '../../shared/wire.js';
import type { MultiplierSchedule } from '../../tokens/peak.js';

export interface UpstreamOptions {
  /** OpenAI-style base URL, including its version path: `https://api.example.com/v1`. */
  baseUrl: string;
  apiKey?: string;
  /** Per-model rates, context lengths and time-of-day multiplier schedules; models not listed bill at 1×/1×, all day. */
  modelConfig: Record<string, UpstreamModelConfig>;
  fetch?: typeof fetch;
}

export interface UpstreamModelConfig {
  input_multiplier_milli?: number;
  output_multiplier_milli?: number;
  context_length?: number;
  /** Peak and off-peak multipliers, with effective dates for promotions and new price lists. */
  schedule?: MultiplierSchedule;
}

const MODELS_TTL_MS = 60_000;

const upstreamProblem = (message: string) => new ApiProblem(502, 'server_error', `upstream: ${message}`, 'upstream_error');

export class UpstreamBackend implements Backend {
  private readonly fetch: typeof fetch;

  constructor(private readonly opts: UpstreamOptions) {
    this.fetch = opts.fetch ?? fetch;
  }

  private url(path: string): string {
    return this.opts.baseUrl.replace(/\/+$/, '') + path;
  }

  private headers(): Record<string, string> {
    const h: Record<string, string> = { 'content-type': 'application/json' };
    if (this.opts.apiKey) h.authorization = `Bearer ${this.opts.apiKey}`;
    return h;
  }

  private models: { at: number; list: Promise<ModelInfo[]> } | undefined;

  /** The upstream's models, fetched at most once a minute: every chat request looks its model up. */
  listModels(): Promise<ModelInfo[]> {
    const now = Date.now();
    if (!this.models || now - this.models.at > MODELS_TTL_MS) {
      const list = this.fetchModels();
      this.models = { at: now, list };
      // A failed fetch is not remembered: the next request tries again.
      list.catch(() => {
        if (this.models?.list === list) this.models = undefined;
      });
    }
    return this.models.list;
  }

  private async fetchModels(): Promise<ModelInfo[]> {
    let res: Response;
    try {
      res = await this.fetch(this.url('/models'), { headers: this.headers() });
    } catch (e) {
      throw upstreamProblem(`could not reach ${this.opts.baseUrl} (${(e as Error).message})`);
    }
    if (!res.ok) throw upstreamProblem(`GET /models answered ${res.status}`);
    const body = (await res.json()) as { data?: { id?: unknown; owned_by?: unknown; created?: unknown; context_length?: unknown }[] };
    return (body.data ?? [])
      .filter((m): m is { id: string } & typeof m => typeof m.id === 'string')
      .map((m) => {
        const cfg = this.opts.modelConfig[m.id] ?? {};
        const rates: BillingRates = {
          input_multiplier_milli: cfg.input_multiplier_milli ?? 1000,
          output_multiplier_milli: cfg.output_multiplier_milli ?? 1000,
        };
        const context = cfg.context_length ?? (typeof m.context_length === 'number' ? m.context_length : undefined);
        const info: ModelInfo = {
          id: m.id,
          owned_by: typeof m.owned_by === 'string' ? m.owned_by : 'upstream',
          created: typeof m.created === 'number' ? m.created : 0,
          rates,
        };
        if (context !== undefined) info.context_length = context;
        if (cfg.schedule) info.schedule = cfg.schedule;
        return info;
      });
  }

  generate(req: GenerateRequest): Generation {
    const seen: StreamState = { finish: 'stop' };
    return {
      pieces: this.stream(req, seen),
      completionTokens: () => seen.usage?.completion_tokens,
      promptTokens: () => seen.usage?.prompt_tokens,
      finishReason: () => seen.finish,
    };
  }

  private async *stream(req: GenerateRequest, seen: StreamState): AsyncGenerator<string> {
    let res: Response;
    try {
      res = await this.fetch(this.url('/chat/completions'), {
        method: 'POST',
        headers: this.headers(),
        signal: req.signal,
        body: JSON.stringify({
          model: req.model,
          messages: req.messages,
          max_tokens: req.maxTokens,
          ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
          stream: true,
          stream_options: { include_usage: true },
        }),
      });
    } catch (e) {
      if (req.signal.aborted) return;
      throw upstreamProblem(`could not reach ${this.opts.baseUrl} (${(e as Error).message})`);
    }
    if (!res.ok || !res.body) throw upstreamProblem(`POST /chat/completions answered ${res.status}: ${(await res.text()).slice(0, 200)}`);
    try {
      for await (const ev of sseEvents(res.body)) {
        if (ev.data === '[DONE]') break;
        const chunk = JSON.parse(ev.data) as {
          error?: { message?: string };
          choices?: { delta?: { content?: string | null }; finish_reason?: string | null }[];
          usage?: StreamState['usage'] | null;
        };
        if (chunk.error) throw upstreamProblem(chunk.error.message ?? 'error inside the stream');
        if (chunk.usage) seen.usage = chunk.usage;
        for (const choice of chunk.choices ?? []) {
          if (choice.finish_reason === 'length') seen.finish = 'length';
          if (choice.delta?.content) yield choice.delta.content;
        }
      }
    } catch (e) {
      if (req.signal.aborted) return;
      throw e instanceof ApiProblem ? e : upstreamProblem(`stream broke (${(e as Error).message})`);
    }
  }
}

interface StreamState {
  usage?: { prompt_tokens?: number; completion_tokens?: number };
  finish: 'stop' | 'length';
}
