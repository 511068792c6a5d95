/**
 * Holds as leases. A running request renews its hold's expiry and records what it has produced
 * (at a bounded rate); a hold that stops being renewed belongs to a request whose process is gone.
 * Such a hold is settled at its last recorded progress, never simply dropped: the tokens were
 * delivered. Each hold names its owner, the replica running its request. Lapsed holds are settled
 * by whichever replica sees them first (an admission of the same account, or any replica's sweep);
 * a replica settles its own earlier holds when it starts, since it cannot be running them any more;
 * and the only server of a SQLite data directory settles every active hold when it starts.
 */
import { billedTokens } from '../../tokens/billing.js';
import { settleHold } from './holds.js';
import type { Db, Sql } from './sql.js';

/** Extends a running request's hold and records its progress. */
export async function renewHold(db: Sql, holdId: string, completionTokens: number, now: Date, ttlMs: number): Promise<void> {
  await db.run(`UPDATE holds SET completion_tokens = ?, expires_at = ? WHERE id = ? AND status = 'active'`, [completionTokens, new Date(now.getTime() + ttlMs).toISOString(), holdId]);
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
  expires_at: string;
  owner: string | null;
}

/** Which abandoned holds to settle: the lapsed ones of one account, of every account, those of one owner too, or every active one. */
export type Abandoned = { lapsedOf: string } | { lapsed: true; owner?: string } | { all: true };

function abandoned(tx: Sql, now: Date, which: Abandoned): Promise<AbandonedHold[]> {
  const iso = now.toISOString();
  if ('lapsedOf' in which) return tx.all(`SELECT * FROM holds WHERE status = 'active' AND account_id = ? AND expires_at <= ?`, [which.lapsedOf, iso]);
  if ('all' in which) return tx.all(`SELECT * FROM holds WHERE status = 'active'`);
  return tx.all(`SELECT * FROM holds WHERE status = 'active' AND (expires_at <= ? OR owner = ?)`, [iso, which.owner ?? null]);
}

/** Settles one abandoned hold at its recorded progress, as an aborted request; false when someone settled it first. */
function settleAbandoned(tx: Sql, h: AbandonedHold, now: Date): Promise<boolean> {
  const rates = { input_multiplier_milli: h.input_multiplier_milli, output_multiplier_milli: h.output_multiplier_milli };
  return settleHold(
    tx,
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

/** The lapsed holds of one account, inside the caller's transaction (which holds the account's lock); returns how many were settled. */
export async function settleLapsedHoldsOf(tx: Sql, accountId: string, now: Date): Promise<number> {
  let settled = 0;
  for (const h of await abandoned(tx, now, { lapsedOf: accountId })) if (await settleAbandoned(tx, h, now)) settled++;
  return settled;
}

/**
 * Settles abandoned holds of any account, each in a transaction of its own under its account's
 * lock, so that a sweep never waits on two accounts at once (no deadlock between sweeping
 * replicas) and a hold settled meanwhile by another replica is skipped. Returns how many this call settled.
 */
export async function settleAbandonedHolds(db: Db, now: Date, which: Exclude<Abandoned, { lapsedOf: string }>): Promise<number> {
  const candidates = await abandoned(db, now, which);
  let settled = 0;
  for (const h of candidates) {
    const done = await db.transaction(async (tx) => {
      await tx.lockAccount(h.account_id);
      // Read again under the lock: settled meanwhile, or renewed by a living request, it is left alone.
      const still = await tx.get<AbandonedHold>(`SELECT * FROM holds WHERE id = ? AND status = 'active'`, [h.id]);
      const lapsed = still !== undefined && ('all' in which || still.expires_at <= now.toISOString() || (which.owner !== undefined && still.owner === which.owner));
      return lapsed && settleAbandoned(tx, still, now);
    });
    if (done) settled++;
  }
  return settled;
}
