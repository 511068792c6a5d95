/**
 * The built-in demo model family: deterministic text, no network, clearly labelled. Every piece it
 * emits is exactly one o200k_base token, so the server's count and any client-side estimate agree
 * (demo-echo's pieces are whole characters: a token that ends inside a character waits for the next).
 */
import { messageText } from '../../tokens/estimate.js';
import type { Backend, GenerateRequest, Generation, ModelInfo } from './backend.js';

export const DEMO_MODELS: readonly ModelInfo[] = [
  { id: 'demo-mini', owned_by: 'tokencli-demo', created: 1_764_115_200, context_length: 8_192, rates: { input_multiplier_milli: 1000, output_multiplier_milli: 1000 } },
  { id: 'demo-pro', owned_by: 'tokencli-demo', created: 1_764_115_200, context_length: 32_768, rates: { input_multiplier_milli: 2000, output_multiplier_milli: 4000 } },
  // Priced as GLM coding models are: 3× in the 14:00–18:00 Beijing peak, 2× off-peak.
  {
    id: 'demo-glm',
    owned_by: 'tokencli-demo',
    created: 1_764_115_200,
    context_length: 32_768,
    rates: { input_multiplier_milli: 1000, output_multiplier_milli: 1000 },
    schedule: { time_zone: 'Asia/Shanghai', base_milli: 2000, rules: [{ from_minute: 14 * 60, to_minute: 18 * 60, multiplier_milli: 3000 }] },
  },
  // Answers with the last user message, token by token: a known answer of any shape (markdown, a
  // long line, a code block) to see how a client shows it.
  { id: 'demo-echo', owned_by: 'tokencli-demo', created: 1_764_115_200, context_length: 32_768, rates: { input_multiplier_milli: 1000, output_multiplier_milli: 1000 } },
];

/** The answer when the request sets no max_tokens. */
export const DEMO_SHORT_ANSWER = ['This', ' is', ' a', ' demo', ' answer', ' from', ' the', ' token', ' plan', ' server', '.'];

/** Words cycled through to produce exactly max_tokens tokens. */
export const DEMO_VOCABULARY = [
  ' the', ' plan', ' token', ' pack', ' model', ' stream', ' answer', ' demo', ' meter', ' ledger', ' budget',
  ' balance', ' price', ' request', ' server', ' client', ' network', ' data', ' value', ' time', ' work', ' test',
  ' line', ' code', ' text', ' word', ' light', ' river', ' stone', ' cloud', ' green', ' small', ' quick', ' bright', ' calm',
];

/** FNV-1a, so the same prompt always gives the same text. */
function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export function demoPieces(messages: GenerateRequest['messages'], maxTokens: number | undefined): string[] {
  if (maxTokens === undefined) return DEMO_SHORT_ANSWER;
  // A linear congruential walk over the vocabulary: varied text, the same for the same prompt.
  let state = seedOf(messages.map((m) => messageText(m.content)).join('\n'));
  return Array.from({ length: maxTokens }, () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return DEMO_VOCABULARY[(state >>> 8) % DEMO_VOCABULARY.length]!;
  });
}

export interface DemoOptions {
  delayMs: number;
}

export class DemoBackend implements Backend {
  constructor(private readonly opts: DemoOptions) {}

  async listModels(): Promise<ModelInfo[]> {
    return [...DEMO_MODELS];
  }

  /** `maxTokens` of undefined means the request set none and the short answer is wanted. */
  generate(req: GenerateRequest): Generation {
    if (req.model === 'demo-echo') return this.echo(req);
    const wanted = demoPieces(req.messages, req.requestedMaxTokens);
    const pieces = wanted.slice(0, req.maxTokens);
    let produced = 0;
    const delayMs = this.opts.delayMs;
    async function* run(): AsyncGenerator<string> {
      for (const piece of pieces) {
        if (delayMs > 0) await sleep(delayMs, req.signal);
        if (req.signal.aborted) return;
        produced++;
        yield piece;
      }
    }
    return {
      pieces: run(),
      completionTokens: () => produced,
      promptTokens: () => undefined,
      finishReason: () => (req.requestedMaxTokens !== undefined || pieces.length < wanted.length ? 'length' : 'stop'),
    };
  }

  /** The last user message again, as many of its tokens as `maxTokens` allows. */
  private echo(req: GenerateRequest): Generation {
    const text = messageText(req.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '');
    let sent: number | undefined;
    let truncated = false;
    const delayMs = this.opts.delayMs;
    async function* run(): AsyncGenerator<string> {
      const { encode, decodeGenerator } = await import('gpt-tokenizer/encoding/o200k_base');
      const tokens = encode(text, { disallowedSpecial: new Set() });
      const wanted = tokens.slice(0, req.maxTokens);
      truncated = wanted.length < tokens.length;
      // decodeGenerator holds back a token that ends inside a character until the character is whole.
      for (const piece of decodeGenerator(wanted)) {
        if (delayMs > 0) await sleep(delayMs, req.signal);
        if (req.signal.aborted) return;
        yield piece;
      }
      sent = wanted.length;
    }
    return {
      pieces: run(),
      // Exact once the whole echo is out; a stopped one is counted from its text by the route.
      completionTokens: () => sent,
      promptTokens: () => undefined,
      finishReason: () => (truncated ? 'length' : 'stop'),
    };
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
