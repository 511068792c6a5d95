/**
 * The budgets around one run: before it, a hard budget that the run's estimate would pass refuses
 * it (unless --force); after it, thresholds crossed alert, and earlier estimates are settled from
 * the server's records.
 */
import type { TokenClient } from '../../../client/client.js';
import { evaluate, wouldExceed } from '../../../ledger/budget-rules.js';
import { billedTokens } from '../../../tokens/billing.js';
import type { Ledger } from '../../../ledger/ledger.js';
import { resolveRuns } from '../../../ledger/resolve.js';
import { budgetStates, checkHardBudgets, raiseAlerts, raiseWindowAlerts } from '../../budget-enforcement.js';
import type { HeaderBag } from '../../../client/wire-response.js';
import { keepRunWindows } from '../quota/snapshot.js';
import { warn } from '../../io/messages.js';
import { serverLookup } from '../../server-records.js';
import type { RunEstimator } from './estimate.js';
import type { RunOptions } from './run.js';

/** Checks the hard budgets again against the ledger as it is now: run inside the write-ahead insert. */
export type BudgetCheck = (ledger: Ledger) => void;

/**
 * Before any request: a run whose estimate (prompt + --max-tokens at the model's rates) would take a
 * hard budget past its limit is refused, unless --force. Pending runs of other processes count at
 * their worst case. Returns the same check for the write-ahead insert to run again inside its
 * transaction, so that runs started at the same moment cannot all pass on the same old total.
 * The tokenizer (~440 ms and 66 MiB to load) is asked only when the bound from the prompt's bytes
 * would pass a hard budget: a run far from every limit cannot pass one, whatever the exact count.
 */
export async function enforceHardBudgets(opts: RunOptions, ledger: Ledger, estimator: RunEstimator): Promise<BudgetCheck | undefined> {
  const now = opts.now();
  const hard = (await budgetStates(ledger, opts.profile, now, opts.timeZone)).filter((s) => s.budget.hard);
  if (hard.length === 0) return undefined;
  const bound = billedTokens(estimator.promptBound(), opts.maxTokens ?? 0, estimator.rates);
  // Far from every limit the bound itself is the estimate (never below the exact count).
  const estimate = hard.some((s) => wouldExceed(s, bound)) ? await estimator.runEstimate() : bound;
  const check: BudgetCheck = (current) => {
    const states = hard.map((s) => evaluate(s.budget, s.bounds, current.billedBetween(opts.profile, s.bounds.start, s.bounds.end), now));
    if (!opts.force) checkHardBudgets(states, estimate);
  };
  check(ledger);
  if (opts.force && hard.some((s) => wouldExceed(s, estimate))) warn(opts.io, 'over a hard budget: running anyway because of --force (recorded in the ledger)');
  return check;
}

/**
 * Budget alerts for what this run spent; the quota windows its answer reported kept for `quota
 * --line` and checked against the window alerts; then earlier estimates settled from the server's records.
 */
export async function afterRun(opts: RunOptions, ledger: Ledger, client: TokenClient, run: { headers?: HeaderBag; billed: number; askedAt: Date }): Promise<void> {
  // Other processes' runs in flight are not spent yet: an alert, unlike a refusal, cannot be taken back.
  await raiseAlerts(ledger, await budgetStates(ledger, opts.profile, opts.now(), opts.timeZone, { settledOnly: true }), opts.io, opts.now(), opts.runAlert);
  await windowsAfterRun(opts, ledger, run);
  const lookup = opts.provider === 'tokenplan' ? serverLookup(client) : undefined;
  await resolveRuns(ledger, { apiUrl: opts.apiUrl, account: await opts.account(), now: opts.now(), ...(lookup ? { lookup } : {}) }).catch(() => undefined);
}

async function windowsAfterRun(opts: RunOptions, ledger: Ledger, run: { headers?: HeaderBag; billed: number; askedAt: Date }): Promise<void> {
  if (opts.provider !== 'tokenplan' || !run.headers) return;
  const who = { profile: opts.profile, apiUrl: opts.apiUrl, account: await opts.account() };
  try {
    const quota = keepRunWindows(ledger, who.apiUrl, who.account, run.headers, run.billed, opts.now());
    if (quota) await raiseWindowAlerts(ledger, who, quota.windows, opts.io, { now: opts.now(), askedAt: run.askedAt }, opts.runAlert);
  } catch (e) {
    // The run is recorded; a snapshot that could not be kept costs only the next offline estimate.
    warn(opts.io, `could not keep the quota windows of this answer (${(e as Error).message})`);
  }
}
