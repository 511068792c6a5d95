/**
 * Holds as leases. A running request renews its hold's expiry and records what it has produced
 * (at a bounded rate); a hold that stops being renewed belongs to a request whose process is gone.
 * Such a hold is settled at its last recorded progress, never simply dropped: the tokens were
 * delivered. The server settles all of them when it starts (it is the only server of its data
 * directory), and an admission settles the lapsed ones of its account.
 */
import { billedTokens } from '../../tokens/billing.js';
import { prepared } from '../../sqlite/statements.js';
import type { Db } from './db.js';
import { settleHold } from './holds.js';

/** Extends a running request's hold and records its progress. */
export function renewHold(db: Db, holdId: string, completionTokens: number, now: Date, ttlMs: number): void {
  prepared(db, `UPDATE holds SET completion_tokens = ?, expires_at = ? WHERE id = ? AND status = 'active'`).run(
    completionTokens,
    new Date(now.getTime() + ttlMs).toISOString(),
    holdId,
  );
}

interface AbandonedHold {
  id: string;
  account_id: string;
  request_id: string | null;
  run_id: string | null;
  model: string;
  prompt_tokens: number;
  completion_tokens: number;
  input_multiplier_milli: number;
  output_multiplier_milli: number;
}

/**
 * Settles abandoned holds at their recorded progress, as aborted requests: every active hold, or
 * only the lapsed ones of one account. Runs inside the caller's transaction; returns how many.
 */
export function settleAbandonedHolds(db: Db, now: Date, only?: { lapsedOf: string }): number {
  const holds = (
    only
      ? prepared(db, `SELECT * FROM holds WHERE status = 'active' AND account_id = ? AND expires_at <= ?`).all(only.lapsedOf, now.toISOString())
      : prepared(db, `SELECT * FROM holds WHERE status = 'active'`).all()
  ) as AbandonedHold[];
  for (const h of holds) {
    const rates = { input_multiplier_milli: h.input_multiplier_milli, output_multiplier_milli: h.output_multiplier_milli };
    settleHold(
      db,
      {
        // Holds from before progress was recorded have no request id: the hold's own id names the row.
        requestId: h.request_id ?? h.id,
        runId: h.run_id,
        accountId: h.account_id,
        holdId: h.id,
        model: h.model,
        promptTokens: h.prompt_tokens,
        completionTokens: h.completion_tokens,
        billedTokens: billedTokens(h.prompt_tokens, h.completion_tokens, rates),
        status: 'aborted',
      },
      now,
    );
  }
  return holds.length;
}
