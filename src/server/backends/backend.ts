/** What a generation backend (the demo models, or an upstream) must provide to the metered chat route. */
import type { BillingRates, ChatMessage } from '../../shared/wire.js';
import type { MultiplierSchedule } from '../../tokens/peak.js';

export interface ModelInfo {
  id: string;
  owned_by: string;
  created: number;
  context_length?: number;
  rates: BillingRates;
  /** Time-of-day multipliers applied on top of the rates (peak and off-peak). */
  schedule?: MultiplierSchedule;
}

export interface GenerateRequest {
  model: string;
  messages: ChatMessage[];
  /** The most completion tokens the hold covers; generation stops there. */
  maxTokens: number;
  /** What the request itself asked for, if anything. */
  requestedMaxTokens?: number;
  temperature?: number;
  signal: AbortSignal;
}

export interface Generation {
  /** Content deltas as they are produced. Ends early, without throwing, once the signal aborts. */
  pieces: AsyncIterable<string>;
  /** Completion tokens produced so far, when the backend knows them exactly; otherwise undefined. */
  completionTokens(): number | undefined;
  /** Prompt tokens as the backend counted them, when it says. */
  promptTokens(): number | undefined;
  finishReason(): 'stop' | 'length';
}

export interface Backend {
  listModels(): Promise<ModelInfo[]>;
  generate(req: GenerateRequest): Generation;
}
