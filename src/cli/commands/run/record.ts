/**
 * How a run becomes ledger rows: the write-ahead start (its worst case reserved) before the request
 * leaves, and the end from the answer. The server's figures are taken when it sent them and they
 * are plausible; otherwise what was sent and received is counted locally and marked as an estimate.
 */
import { ApiError, ConnectionError, TruncatedStreamError } from '../../../client/errors.js';
import { scrubSecrets } from '../../../client/redact.js';
import type { RunEnd, RunStart } from '../../../ledger/ledger.js';
import type { ChatUsage } from '../../../shared/wire.js';
import { billedTokens } from '../../../tokens/billing.js';
import { visibleControls } from '../../io/terminal-text.js';
import type { RunEstimator } from './estimate.js';
import type { Answer } from './request.js';

export interface RunIdentity {
  runId: string;
  profile: string;
  provider: string;
  apiUrl: string;
  account: string;
  model: string;
  forced: boolean;
}

export function runStart(who: RunIdentity, estimator: RunEstimator, startedAt: Date, pid: number): RunStart {
  return {
    id: who.runId,
    created_at: startedAt.toISOString(),
    profile: who.profile,
    provider: who.provider,
    api_url: who.apiUrl,
    account: who.account,
    model: who.model,
    prompt_tokens: estimator.promptBound(),
    reserve_tokens: estimator.reserve(),
    forced: who.forced,
    pid,
  };
}

export interface RunFigures {
  end: RunEnd;
  usage: ChatUsage;
  /** Set when the server's usage was refused as implausible. */
  distrusted?: string;
}

export async function runEnd(runId: string, answer: Answer, estimator: RunEstimator): Promise<RunFigures> {
  const status: RunEnd['status'] = answer.stoppedBy
    ? 'interrupted'
    : answer.failure instanceof TruncatedStreamError
      ? 'truncated'
      : answer.failure
        ? 'error'
        : 'ok';
  const failure = answer.failure && !answer.stoppedBy ? answer.failure : undefined;
  const base = { id: runId, cost_minor: null, currency: null, status, duration_ms: answer.durationMs, ttft_ms: answer.ttftMs, error: failure ? visibleControls(scrubSecrets(messageOf(failure))) : null };
  let distrusted: string | undefined;
  if (answer.usage) {
    const u = answer.usage;
    const billed = u.billing?.billed_tokens ?? billedTokens(u.prompt_tokens, u.completion_tokens, estimator.rates);
    if (estimator.plausible(billed)) {
      const end: RunEnd = { ...base, prompt_tokens: u.prompt_tokens, completion_tokens: u.completion_tokens, billed_tokens: billed, source: 'server' };
      return { end, usage: u };
    }
    distrusted = `the server reported ${billed} plan tokens for this run, more than it could possibly cost; counted locally instead`;
  }
  // Nothing to bill when the server refused (its own word: a 402, a 401) or never heard of the
  // request (connection refused). Any other failure may have been billed for the prompt at least:
  // it is counted below like an interrupted run, and settled later from the server's record.
  if ((failure instanceof ApiError || (failure instanceof ConnectionError && failure.neverSent)) && answer.text.length === 0) {
    const end: RunEnd = { ...base, prompt_tokens: 0, completion_tokens: 0, billed_tokens: 0, source: failure instanceof ApiError ? 'server' : 'estimate' };
    return { end, usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 } };
  }
  const counted = await estimator.billedFor(answer.text.sample, answer.text.length);
  const end: RunEnd = {
    ...base,
    ...(distrusted ? { error: distrusted } : {}),
    prompt_tokens: counted.prompt,
    completion_tokens: counted.completion,
    billed_tokens: counted.billed,
    source: 'estimate',
  };
  return { end, usage: { prompt_tokens: counted.prompt, completion_tokens: counted.completion, total_tokens: counted.prompt + counted.completion }, ...(distrusted ? { distrusted } : {}) };
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
