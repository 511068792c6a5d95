/** `run --dry-run`: what the prompt would cost, estimated locally; no chat request is sent. */
import type { ChatMessage } from '../../../shared/wire.js';
import { billedTokens, formatMultiplier } from '../../../tokens/billing.js';
import { countPromptTokens, loadTokenCounter } from '../../../tokens/estimate.js';
import { countFor } from '../../io/format.js';
import { printJson, printRows } from '../../io/table.js';
import { ratesOf } from '../../provider-cache.js';
import type { RunOptions } from './run.js';

export async function printDryRun(opts: RunOptions, model: string, messages: ChatMessage[]): Promise<void> {
  const info = await (await opts.providerCache()).find(model, opts.client);
  const rates = ratesOf(info);
  const promptTokens = countPromptTokens(messages, await loadTokenCounter());
  const min = billedTokens(promptTokens, 0, rates);
  const max = opts.maxTokens === undefined ? null : billedTokens(promptTokens, opts.maxTokens, rates);
  if (opts.json) {
    return printJson(opts.io, {
      model,
      known_model: info !== undefined,
      billing: rates,
      prompt_tokens: promptTokens,
      max_tokens: opts.maxTokens ?? null,
      plan_tokens: { min, max },
      estimate: true,
    });
  }
  const n = countFor(opts.io.isStdoutTTY);
  printRows(opts.io, ['', ''], [
    ['model', `${model}${info ? '' : ' (unknown to the cache and server: 1× rates assumed)'}`],
    ['rates', `${formatMultiplier(rates.input_multiplier_milli)} in, ${formatMultiplier(rates.output_multiplier_milli)} out`],
    ['prompt tokens', `${n(promptTokens)} (estimated)`],
    ['max tokens', opts.maxTokens === undefined ? 'not set' : n(opts.maxTokens)],
    ['plan tokens', max === null ? `${n(min)} and up (set --max-tokens for an upper bound)` : `${n(min)} to ${n(max)}`],
  ]);
}
