/** An account holds one subscription at a time: checked when subscribing and again when a phone-bill payment for one is validated. */
import { ApiProblem } from '../errors.js';
import type { Sql } from '../store/sql.js';
import { activeSubscription, renewDue } from '../store/subscriptions.js';

/** Run inside the transaction that subscribes: the account's lock keeps two requests racing (on any replicas) from both subscribing. */
export async function refuseSecondSubscription(tx: Sql, accountId: string, now: Date): Promise<void> {
  await tx.lockAccount(accountId);
  await renewDue(tx, accountId, now);
  if (await activeSubscription(tx, accountId, now)) {
    throw new ApiProblem(409, 'invalid_request_error', 'this account already has an active subscription', 'subscription_exists', 'plan_id');
  }
}
