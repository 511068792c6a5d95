/** `run --dry-run`: what the prompt would cost now, at the multiplier in force, estimated locally; no chat request is sent. */
import type { ChatMessage } from '../../../shared/wire.js';
import { billedTokens, formatMultiplier } from '../../../tokens/billing.js';
import { ratesOf } from '../../provider-cache.js';
import { describeMultiplier } from '../models/multiplier.js';
import { ratesInForce } from './estimate.js';
import { countPromptTokens, loadTokenCounter } from '../../../tokens/estimate.js';
import { formatTokens } from '../../io/format.js';
import { warn } from '../../io/messages.js';
import { printFacts } from '../../io/table.js';
import { printJson } from '../../io/json.js';
import type { RunOptions } from './run.js';

export async function printDryRun(opts: RunOptions, model: string, messages: ChatMessage[]): Promise<void> {
  const info = await (await opts.providerCache()).find(model, opts.client);
  const now = opts.now();
  const { rates, multiplier } = ratesInForce(info, now);
  const promptTokens = countPromptTokens(messages, await loadTokenCounter());
  const min = billedTokens(promptTokens, 0, rates);
  const max = opts.maxTokens === undefined ? null : billedTokens(promptTokens, opts.maxTokens, rates);
  const needed = promptTokens + (opts.maxTokens ?? 0);
  const fits = info?.context_length === undefined ? null : needed <= info.context_length;
  if (fits === false) warn(opts.io, `this needs ${formatTokens(needed)} tokens of context but ${model} has ${formatTokens(info!.context_length!)}: the server would refuse it`);
  if (opts.json) {
    return printJson(opts.io, {
      model,
      known_model: info !== undefined,
      billing: ratesOf(info),
      // The time-of-day multiplier in force now, and the rates it makes: plan_tokens are priced at these.
      multiplier: multiplier ? { multiplier_milli: multiplier.multiplier_milli, changes_at: multiplier.changes_at === null ? null : new Date(multiplier.changes_at).toISOString(), stale: multiplier.stale } : null,
      rates_in_force: rates,
      prompt_tokens: promptTokens,
      max_tokens: opts.maxTokens ?? null,
      plan_tokens: { min, max },
      fits_context: fits,
      estimate: true,
    });
  }
  printFacts(opts.io, [
    { key: 'model', label: 'model', human: `${model}${info ? '' : ' (unknown to the cache and server: 1× rates assumed)'}`, raw: model },
    ...(multiplier ? [{ key: 'multiplier_milli', label: 'multiplier now', human: describeMultiplier(multiplier, now, await opts.timeZone()), raw: multiplier.multiplier_milli }] : []),
    { key: 'input_multiplier_milli', label: 'rates', human: `${formatMultiplier(rates.input_multiplier_milli)} in, ${formatMultiplier(rates.output_multiplier_milli)} out${multiplier ? ' (with the multiplier)' : ''}`, raw: rates.input_multiplier_milli },
    { key: 'output_multiplier_milli', label: '', human: '', raw: rates.output_multiplier_milli },
    { key: 'prompt_tokens', label: 'prompt tokens', human: `${formatTokens(promptTokens)} (estimated)`, raw: promptTokens },
    { key: 'max_tokens', label: 'max tokens', human: opts.maxTokens === undefined ? 'not set' : formatTokens(opts.maxTokens), raw: opts.maxTokens ?? null },
    { key: 'plan_tokens_min', label: 'plan tokens', human: max === null ? `${formatTokens(min)} and up (set --max-tokens for an upper bound)` : `${formatTokens(min)} to ${formatTokens(max)}`, raw: min },
    { key: 'plan_tokens_max', label: '', human: '', raw: max },
  ].filter((f) => !opts.io.isStdoutTTY || f.label !== ''));
}
