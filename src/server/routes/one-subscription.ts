/** An account holds one subscription at a time: checked when subscribing and again when a phone-bill payment for one is validated. */
import type { AppDeps } from '../app.js';
import { ApiProblem } from '../errors.js';
import { activeSubscription, renewDue } from '../store/subscriptions.js';

/** Run inside the transaction that subscribes, so two requests racing cannot both subscribe. */
export function refuseSecondSubscription(deps: AppDeps, accountId: string): void {
  renewDue(deps.db, accountId, deps.now());
  if (activeSubscription(deps.db, accountId, deps.now())) {
    throw new ApiProblem(409, 'invalid_request_error', 'this account already has an active subscription', 'subscription_exists', 'plan_id');
  }
}
