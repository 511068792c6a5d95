/** `tokencli plan renew --on|--off`: whether the subscription renews at the end of the period paid for. */
import { Command } from 'commander';
import type { Context } from '../../../context.js';
import { CliError, UsageError } from '../../../errors.js';
import type { Prompter } from '../../../io/prompter.js';
import { relativeTime } from '../../../io/format.js';
import { Subscriptions } from '../../../../client/resources/subscriptions.js';
import { requireTokenPlan, setAutoRenew, type AutoRenewOptions } from '../subscription.js';

export interface RenewOptions extends AutoRenewOptions {
  on: boolean;
  prompter: Prompter;
  /** Confirmed already: renewing an ended subscription pays for a new period. */
  yes: boolean;
}

export function renewCommand(ctx: Context, runF = renewRun): Command {
  return new Command('renew')
    .description('Turn auto-renew of the subscription on or off (off: it ends with the period paid for)')
    .option('--on', 'renew at the end of each period, at the regular price')
    .option('--off', 'end with the period paid for (the same as `plan cancel`)')
    .option('-y, --yes', 'renew an ended subscription (a new period, charged) without asking', false)
    .addHelpText('after', '\nTurned on after the subscription has ended, renewal starts a new period at once, at the regular price: that is confirmed like a purchase.\n\nExamples:\n  $ tokencli plan renew --on\n  $ tokencli plan renew --off --json')
    .action(async (flags: { on?: boolean; off?: boolean; yes: boolean }) => {
      if (flags.on === flags.off) throw new UsageError('say --on or --off', 'for example `tokencli plan renew --on`');
      await requireTokenPlan(ctx, 'renew');
      return runF({ io: ctx.io, prompter: ctx.prompter, client: () => ctx.client({ requireKey: true }), yes: flags.yes, on: flags.on === true, json: ctx.globals.json, quiet: ctx.globals.quiet, now: ctx.now, timeZone: () => ctx.timeZone() });
    });
}

export async function renewRun(opts: RenewOptions): Promise<void> {
  if (opts.on) await confirmResumption(opts);
  return setAutoRenew(opts, opts.on);
}

/** Renewal turned on after the subscription ended starts a new period at the regular price at once: a charge, so it is confirmed like one. */
async function confirmResumption(opts: RenewOptions): Promise<void> {
  if (opts.yes) return;
  const sub = await new Subscriptions(await opts.client()).current();
  if (sub?.status !== 'ended') return;
  const what = `${sub.plan_id} ended ${relativeTime(sub.current_period_end, opts.now())}: renewing it now pays for a new period at the tier's regular price`;
  if (!opts.io.canPrompt()) throw new UsageError(what, 'pass --yes to renew it without a prompt');
  if (!(await opts.prompter.confirm(`${what}. Renew?`, false))) throw new CliError('renewal declined: nothing was charged');
}
