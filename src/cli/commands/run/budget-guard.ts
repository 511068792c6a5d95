/**
 * The budgets around one run: before it, a hard budget that the run's estimate would pass refuses
 * it (unless --force); after it, thresholds crossed alert, and earlier estimates are settled from
 * the server's records.
 */
import type { TokenClient } from '../../../client/client.js';
import { wouldExceed } from '../../../ledger/budget-rules.js';
import { billedTokens } from '../../../tokens/billing.js';
import type { Ledger } from '../../../ledger/ledger.js';
import { resolveRuns } from '../../../ledger/resolve.js';
import { budgetStates, checkHardBudgets, raiseAlerts } from '../../budget-enforcement.js';
import { warn } from '../../io/messages.js';
import { serverLookup } from '../../server-records.js';
import type { RunEstimator } from './estimate.js';
import type { RunOptions } from './run.js';

/**
 * Before any request: a run whose estimate (prompt + --max-tokens at the model's cached rates)
 * would take a hard budget past its limit is refused, unless --force. Pending runs of other
 * processes count at their worst case. The tokenizer (~440 ms and 66 MiB to load) is asked only
 * when the bound from the prompt's bytes would pass a hard budget: a run far from every limit
 * cannot pass one, whatever the exact count.
 */
export async function enforceHardBudgets(opts: RunOptions, ledger: Ledger, estimator: RunEstimator): Promise<void> {
  const states = await budgetStates(ledger, opts.profile, opts.now(), opts.timeZone);
  if (!states.some((s) => s.budget.hard)) return;
  const bound = billedTokens(estimator.promptBound(), opts.maxTokens ?? 0, estimator.rates);
  if (!states.some((s) => wouldExceed(s, bound))) return;
  const estimate = await estimator.runEstimate();
  if (!opts.force) return checkHardBudgets(states, estimate);
  if (states.some((s) => wouldExceed(s, estimate))) warn(opts.io, 'over a hard budget: running anyway because of --force (recorded in the ledger)');
}

/** Budget alerts for what this run spent, then settle earlier estimates from the server's records. */
export async function afterRun(opts: RunOptions, ledger: Ledger, client: TokenClient): Promise<void> {
  // Other processes' runs in flight are not spent yet: an alert, unlike a refusal, cannot be taken back.
  await raiseAlerts(ledger, await budgetStates(ledger, opts.profile, opts.now(), opts.timeZone, { settledOnly: true }), opts.io, opts.now(), opts.runAlert);
  const lookup = opts.provider === 'tokenplan' ? serverLookup(client) : undefined;
  await resolveRuns(ledger, { apiUrl: opts.apiUrl, account: await opts.account(), now: opts.now(), ...(lookup ? { lookup } : {}) }).catch(() => undefined);
}
