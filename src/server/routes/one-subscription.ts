/**
 * An account holds one subscription at a time: checked when subscribing and again when a phone-bill
 * payment for one is validated. A subscription waiting for its SMS code counts too: subscribing
 * beside it would leave that payment impossible to complete while it held part of the cap.
 */
import { ApiProblem } from '../errors.js';
import type { Sql } from '../store/sql.js';
import { pendingSubscriptionPayment } from '../store/payments.js';
import { activeSubscription, renewDue } from '../store/subscriptions.js';

/**
 * Run inside the transaction that subscribes: the account's lock keeps two requests racing (on any
 * replicas) from both subscribing. `validating` is the payment being completed, which is not in its own way.
 */
export async function refuseSecondSubscription(tx: Sql, accountId: string, now: Date, validating?: string): Promise<void> {
  await tx.lockAccount(accountId);
  await renewDue(tx, accountId, now);
  if (await activeSubscription(tx, accountId, now)) {
    throw new ApiProblem(409, 'invalid_request_error', 'this account already has an active subscription', 'subscription_exists', 'plan_id');
  }
  const waiting = await pendingSubscriptionPayment(tx, accountId, now, validating);
  if (waiting) {
    throw new ApiProblem(409, 'invalid_request_error', `a subscription paid by phone bill is waiting for its SMS code (payment ${waiting}): confirm or cancel it first`, 'subscription_payment_pending', 'plan_id');
  }
}
