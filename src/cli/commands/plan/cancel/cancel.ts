/** `tokencli plan cancel`: the subscription ends with the period paid for (auto-renew off), as the vendors cancel. */
import { Command } from 'commander';
import type { Context } from '../../../context.js';
import { requireTokenPlan, setAutoRenew, type AutoRenewOptions } from '../subscription.js';

export type CancelOptions = AutoRenewOptions;

export function cancelCommand(ctx: Context, runF = cancelRun): Command {
  return new Command('cancel')
    .description('Cancel the subscription at the end of the period paid for (auto-renew off; nothing is refunded)')
    .addHelpText('after', '\nUntil the period ends the quota stays usable, and `tokencli plan renew --on` undoes the cancellation.\n\nExamples:\n  $ tokencli plan cancel\n  $ tokencli plan cancel --json | jq -r .current_period_end')
    .action(async () => {
      await requireTokenPlan(ctx, 'cancel');
      return runF({ io: ctx.io, client: () => ctx.client({ requireKey: true }), json: ctx.globals.json, quiet: ctx.globals.quiet, now: ctx.now, timeZone: () => ctx.timeZone() });
    });
}

// Turning renewal off never charges, so there is nothing to confirm.
export const cancelRun = (opts: CancelOptions) => setAutoRenew(opts, false);
