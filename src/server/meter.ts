/**
 * Metering of chat completions in plan tokens, in three steps (DESIGN §3): admission (estimate,
 * hold, in one transaction), generation (outside any transaction, renewing the hold as a lease),
 * settlement (debit, release, in one transaction). Only what was produced is billed, never more than
 * the packs hold. A subscription's windows are drawn first, then the packs; each request is priced at
 * the time-of-day multiplier in force when it was admitted, the price its hold was taken at.
 */
import { affordableCompletionTokens, billedTokens } from '../tokens/billing.js';
import { promptTokensLowerBound } from '../tokens/estimate.js';
import type { BillingRates, ChatMessage } from '../shared/wire.js';
import { multiplierAt, scaledRates } from '../tokens/peak.js';
import type { ModelInfo } from './backends/backend.js';
import type { PromptCounter } from './count-pool.js';
import { ApiProblem, quotaProblem } from './errors.js';
import type { Db } from './store/db.js';
import { renewHold, settleLapsedHoldsOf } from './store/leases.js';
import { availability, insertHold, settleHold, type Availability } from './store/holds.js';
import { activeSubscription, latestSubscription, renewDue } from './store/subscriptions.js';
import { windowStates } from './store/windows.js';
import { fitIn, windowProblem } from './window-admission.js';

export interface MeterOptions {
  /** Completion tokens held for when a request sets no max_tokens. */
  defaultMaxTokens: number;
  /** How long a hold outlives its last renewal: a crashed request cannot pin tokens for longer. */
  holdTtlMs: number;
  /** How often a running request renews its hold and records its progress (bounds the write rate). */
  progressIntervalMs: number;
}

export interface Admission {
  holdId: string;
  /** The client's Idempotency-Key, recorded with the settlement so the client can look the run up. */
  runId: string | null;
  promptTokens: number;
  /** Completion tokens the hold covers: generation must stop there. */
  maxTokens: number;
  /** The model's rates at the multiplier in force at admission: the request is billed at these. */
  rates: BillingRates;
  multiplierMilli: number;
  /** The subscription whose windows fund the request; null when the packs do. */
  subscriptionId: string | null;
}

export interface SettledUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  billing: { billed_tokens: number; tokens_remaining: number; multiplier_milli: number; funded_by: 'subscription' | 'packs' };
}

const fmt = (n: number) => n.toLocaleString('en-US');

export class Meter {
  constructor(
    private readonly db: Db,
    private readonly counter: PromptCounter,
    private readonly now: () => Date,
    private readonly opts: MeterOptions,
    /** This replica's name, recorded on the holds it takes (store/leases.ts). */
    private readonly owner: string,
  ) {}

  /**
   * Holds prompt + max_tokens at the model's rates, or answers 402 before anything is generated.
   * When the request sets no max_tokens, the default is shrunk to what the balance covers instead.
   * Counting is the costly step, so everything that can refuse without it comes first: a prompt
   * whose byte length alone cannot fit the context, and an account with nothing to spend. The count
   * itself stops once the prompt is past what the context leaves for it.
   */
  async admit(accountId: string, requestId: string, model: ModelInfo, messages: ChatMessage[], requestedMax: number | undefined, runId: string | null = null): Promise<Admission> {
    this.checkContext(model, promptTokensLowerBound(messages), requestedMax, 'at least ');
    // An account with a subscription may have no packs at all: its windows are checked in the transaction.
    if (!(await latestSubscription(this.db, accountId, this.now()))) this.checkSomethingToSpend(await availability(this.db, accountId, this.now()));
    const room = model.context_length === undefined ? undefined : model.context_length - (requestedMax ?? 0);
    const promptTokens = await this.counter.count(messages, room);
    this.checkContext(model, promptTokens, requestedMax, room !== undefined && promptTokens > room ? 'at least ' : '');
    return this.db.transaction(async (tx): Promise<Admission> => {
      await tx.lockAccount(accountId);
      const now = this.now();
      await settleLapsedHoldsOf(tx, accountId, now);
      const multiplierMilli = model.schedule ? multiplierAt(model.schedule, now.getTime()).multiplier_milli : 1000;
      const rates = scaledRates(model.rates, multiplierMilli);
      const wanted = requestedMax ?? Math.min(this.opts.defaultMaxTokens, model.context_length ?? Infinity);
      const hold = async (subscriptionId: string | null, maxTokens: number): Promise<Admission> => {
        const subject = { requestId, runId, model: model.id, promptTokens, rates, multiplierMilli, subscriptionId };
        const holdId = await insertHold(tx, accountId, billedTokens(promptTokens, maxTokens, rates), subject, now, this.opts.holdTtlMs, this.owner);
        return { holdId, runId, promptTokens, maxTokens, rates, multiplierMilli, subscriptionId };
      };
      // Deduction order: the subscription's windows, then the packs, then refuse.
      await renewDue(tx, accountId, now);
      const sub = await activeSubscription(tx, accountId, now);
      const windows = sub ? await windowStates(tx, sub, now) : [];
      if (sub) {
        const fit = fitIn(promptTokens, requestedMax, wanted, windows, rates);
        if (fit !== undefined) return hold(sub.id, fit);
      }
      const a = await availability(tx, accountId, now);
      if (sub && (a.available === 0 || a.owed > 0)) throw windowProblem(windows, now);
      this.checkSomethingToSpend(a);
      const maxTokens = requestedMax ?? Math.min(wanted, affordableCompletionTokens(promptTokens, a.available, rates));
      if (maxTokens < 1 || billedTokens(promptTokens, maxTokens, rates) > a.available) {
        const needed = billedTokens(promptTokens, Math.max(maxTokens, 1), rates);
        throw quotaProblem(
          'request_exceeds_balance',
          `this request needs up to ${fmt(needed)} plan tokens (prompt ${fmt(promptTokens)} + max_tokens ${fmt(Math.max(maxTokens, 1))} on ${model.id}) but ${fmt(a.available)} are available`,
        );
      }
      return hold(null, maxTokens);
    });
  }

  /**
   * Renews the hold while its request runs, recording the completion tokens produced so far, so that
   * only an abandoned hold lapses and a crash still bills what was delivered. Returns the stop function.
   */
  keepAlive(admission: Admission, produced: () => number): () => void {
    const period = Math.min(this.opts.progressIntervalMs, this.opts.holdTtlMs / 3);
    const renew = () =>
      // A renewal that fails (the database briefly unreachable) is retried at the next tick; the lease outlives a few.
      renewHold(this.db, admission.holdId, produced(), this.now(), this.opts.holdTtlMs).catch((e: Error) => console.error(`renewing hold ${admission.holdId}: ${e.message}`));
    const timer = setInterval(renew, period);
    timer.unref();
    return () => clearInterval(timer);
  }

  private checkContext(model: ModelInfo, promptTokens: number, requestedMax: number | undefined, qualifier: string): void {
    const needed = promptTokens + (requestedMax ?? 0);
    if (model.context_length === undefined || needed <= model.context_length) return;
    throw new ApiProblem(
      400,
      'invalid_request_error',
      `this request needs ${qualifier}${fmt(needed)} tokens of context (prompt ${qualifier}${fmt(promptTokens)} + max_tokens ${fmt(requestedMax ?? 0)}) but ${model.id} has ${fmt(model.context_length)}`,
      'context_length_exceeded',
      'messages',
    );
  }

  private checkSomethingToSpend(a: Availability): void {
    if (a.owed > 0) {
      throw quotaProblem('insufficient_balance', `the account owes ${fmt(a.owed)} plan tokens from an earlier request: buy a plan to continue`);
    }
    if (a.available === 0) {
      throw quotaProblem('insufficient_balance', 'no plan tokens available: the packs are used up or expired, or held by running requests');
    }
  }

  async settle(
    accountId: string,
    requestId: string,
    model: ModelInfo,
    admission: Admission,
    produced: { promptTokens?: number; completionTokens: number },
    status: 'completed' | 'aborted' | 'failed',
  ): Promise<SettledUsage> {
    const prompt = produced.promptTokens ?? admission.promptTokens;
    const billed = billedTokens(prompt, produced.completionTokens, admission.rates);
    return this.db.transaction(async (tx): Promise<SettledUsage> => {
      await tx.lockAccount(accountId);
      const now = this.now();
      await settleHold(
        tx,
        { requestId, runId: admission.runId, accountId, holdId: admission.holdId, model: model.id, promptTokens: prompt, completionTokens: produced.completionTokens, billedTokens: billed, status },
        now,
      );
      return {
        prompt_tokens: prompt,
        completion_tokens: produced.completionTokens,
        total_tokens: prompt + produced.completionTokens,
        billing: {
          billed_tokens: billed,
          tokens_remaining: (await availability(tx, accountId, now)).remaining,
          multiplier_milli: admission.multiplierMilli,
          funded_by: admission.subscriptionId ? 'subscription' : 'packs',
        },
      };
    });
  }
}
