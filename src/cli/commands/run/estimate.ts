/**
 * Every estimate a run needs, in one place, from the model's cached rates (recording a run never
 * waits on the network): the tokenizer's count for dry runs, hard budgets and interrupted runs; the
 * worst case that the write-ahead row reserves, computed without loading the tokenizer; and the
 * ceiling above which a server's reported bill is not believed.
 */
import type { TokenClient } from '../../../client/client.js';
import type { BillingRates, ChatMessage, Model } from '../../../shared/wire.js';
import { billedTokens } from '../../../tokens/billing.js';
import { countPromptTokens, loadTokenCounter, promptTokensUpperBound } from '../../../tokens/estimate.js';
import { modelMultiplierAt, publishedMultiplier, scaledRates, type MultiplierNow } from '../../../tokens/peak.js';
import { ratesOf, type ProviderCache } from '../../provider-cache.js';

export interface RatesInForce {
  /** The model's rates times the time-of-day multiplier in force: what the server bills a request sent now. */
  rates: BillingRates;
  /** The multiplier behind them, when the model has one; `stale` when only an expired report of it is known. */
  multiplier: (MultiplierNow & { stale: boolean }) | undefined;
}

/** The rates a request sent at `at` is billed at, as the server computes them (tokens/peak.ts on both sides). */
export function ratesInForce(model: Model | undefined, at: Date): RatesInForce {
  const published = publishedMultiplier(model);
  if (!published) return { rates: ratesOf(model), multiplier: undefined };
  const multiplier = modelMultiplierAt(published, at.getTime());
  return { rates: scaledRates(ratesOf(model), multiplier.multiplier_milli), multiplier };
}

/** The completion a run without --max-tokens is reserved for, when the model's context is unknown. */
export const UNKNOWN_CONTEXT_COMPLETION = 32_768;
/** No plan charges anywhere near this many plan tokens per token: the ceiling when rates are unknown. */
const MAX_PLAUSIBLE_MULTIPLIER = 100;

export class RunEstimator {
  private constructor(
    readonly model: Model | undefined,
    readonly rates: BillingRates,
    private readonly messages: ChatMessage[],
    private readonly maxTokens: number | undefined,
  ) {}

  /**
   * The model (its rates, its context) from the cache, or from the provider's model list when the
   * cache does not have it (a fresh home, a CI runner): assuming 1x for a 4x model would let budgets
   * under-count. A provider that cannot list its models leaves it unknown (unit rates).
   */
  static async modelFor(cache: () => Promise<ProviderCache>, client: () => Promise<TokenClient>, modelId: string): Promise<Model | undefined> {
    return (await cache()).find(modelId, client).catch(() => undefined);
  }

  /** Estimates at the rates in force at `at` (peak or off-peak), so that a hard budget counts what the server will bill. */
  static of(model: Model | undefined, messages: ChatMessage[], maxTokens: number | undefined, at: Date = new Date()): RunEstimator {
    return new RunEstimator(model, ratesInForce(model, at).rates, messages, maxTokens);
  }

  /** The tokenizer's count of the prompt, as the server counts it. */
  async promptTokens(): Promise<number> {
    return countPromptTokens(this.messages, await loadTokenCounter());
  }

  /** Prompt + --max-tokens at the model's rates: what a hard budget is checked against. */
  async runEstimate(): Promise<number> {
    return billedTokens(await this.promptTokens(), this.maxTokens ?? 0, this.rates);
  }

  /**
   * Plan tokens for what was sent and what arrived, counted locally. A long answer is not kept
   * whole (see AnswerText): its start is counted and the rest taken at the same tokens per character.
   */
  async billedFor(sample: string, answerChars: number): Promise<{ prompt: number; completion: number; billed: number }> {
    const counter = await loadTokenCounter();
    const prompt = countPromptTokens(this.messages, counter);
    const counted = counter.count(sample);
    const completion = answerChars > sample.length && sample.length > 0 ? Math.round((counted * answerChars) / sample.length) : counted;
    return { prompt, completion, billed: billedTokens(prompt, completion, this.rates) };
  }

  private completionBound(): number {
    return this.maxTokens ?? this.model?.context_length ?? UNKNOWN_CONTEXT_COMPLETION;
  }

  /** The prompt's upper bound, without the tokenizer. */
  promptBound(): number {
    return promptTokensUpperBound(this.messages);
  }

  /** The most this run may cost: what its write-ahead row reserves until it is complete. */
  reserve(): number {
    return billedTokens(this.promptBound(), this.completionBound(), this.rates);
  }

  /**
   * Whether a bill reported by the server is one this request could possibly have run up: at most
   * twice the run's worst case at the model's known rates (a price may have risen since they were
   * cached), or a hundred times its token bound when the rates are unknown.
   */
  plausible(billed: number): boolean {
    const ceiling = this.model?.billing ? 2 * this.reserve() : (this.promptBound() + this.completionBound()) * MAX_PLAUSIBLE_MULTIPLIER;
    return Number.isSafeInteger(billed) && billed >= 0 && billed <= ceiling;
  }
}
