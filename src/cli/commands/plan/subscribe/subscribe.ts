/** `tokencli plan subscribe TIER`: show the tier's price and limits, confirm, and subscribe with one idempotency key reused by every retry. */
import { randomUUID } from 'node:crypto';
import { Command } from 'commander';
import { Subscriptions } from '../../../../client/resources/subscriptions.js';
import type { Context } from '../../../context.js';
import { localStateOf, rememberAfterOrder } from '../../../after-order.js';
import { CliError, UsageError } from '../../../errors.js';
import { success } from '../../../io/messages.js';
import { printJson } from '../../../io/json.js';
import { describeLimits, describePrice } from '../../plans/limits.js';
import { printSubscription, renewalPhrase, requireTokenPlan, subscriptionRefusal, type SubscriptionOrderOptions } from '../subscription.js';
import type { Subscription } from '../../../../shared/quota.js';
import type { Payment } from '../../../../shared/billing.js';
import { addPayOptions, checkPayFlags, payByPhoneBill, type PayMethod } from '../../payment/pay.js';

export interface SubscribeOptions extends SubscriptionOrderOptions {
  pay: PayMethod;
  /** False with --no-wait: a phone-bill payment is printed for `tokencli payment confirm`, not completed here. */
  wait: boolean;
}

export function subscribeCommand(ctx: Context, runF = subscribeRun): Command {
  const cmd = new Command('subscribe')
    .description('Subscribe to a tier: shows the price and limits and asks to confirm (--yes without a terminal), or pays by phone bill with an SMS code; never charges twice')
    .argument('<tier>', 'subscription plan id, as `tokencli plans` lists them')
    .option('-y, --yes', 'subscribe without asking', false);
  return addPayOptions(cmd, 'subscription')
    .addHelpText('after', '\nAuto-renew starts off, as the vendors sell it: `tokencli plan renew --on` turns it on.\n\nExamples:\n  $ tokencli plan subscribe lite-monthly\n  $ tokencli plan subscribe pro-monthly --yes --json\n  $ tokencli plan subscribe lite-monthly --pay phone-bill')
    .action(async (planId: string, flags: { yes: boolean; pay: PayMethod; wait: boolean }) => {
      await requireTokenPlan(ctx, 'subscribe');
      return runF({ io: ctx.io, prompter: ctx.prompter, client: () => ctx.client({ requireKey: true }), planId, pay: flags.pay, wait: flags.wait, yes: flags.yes, json: ctx.globals.json, quiet: ctx.globals.quiet, now: ctx.now, timeZone: () => ctx.timeZone(), local: localStateOf(ctx) });
    });
}

export async function subscribeRun(opts: SubscribeOptions): Promise<void> {
  const phoneBill = opts.pay === 'phone-bill';
  checkPayFlags(opts.io, opts.pay, opts.wait);
  if (!phoneBill && !opts.yes && !opts.io.canPrompt()) {
    throw new UsageError('a subscription needs confirmation and there is no terminal to ask', 'pass --yes to subscribe without a prompt');
  }
  const client = await opts.client();
  const api = new Subscriptions(client);
  const tiers = await api.plans();
  const plan = tiers.find((p) => p.id === opts.planId);
  if (!plan) {
    throw new UsageError(`no subscription tier "${opts.planId}"`, tiers.length ? `tiers: ${tiers.map((p) => p.id).join(', ')} (packs are bought with \`tokencli plan purchase\`)` : 'this server sells no subscriptions: see `tokencli plans`');
  }
  const summary = `${plan.name}: ${describePrice(plan)}; ${describeLimits(plan.limits)}`;
  let sub: Subscription;
  let payment: Payment | undefined;
  if (phoneBill) {
    opts.io.err(`${plan.name} (${plan.id}): ${describeLimits(plan.limits)}; auto-renew starts off\n`);
    payment = await payByPhoneBill({ io: opts.io, prompter: opts.prompter, client, order: { type: 'subscription', plan_id: plan.id }, wait: opts.wait, json: opts.json, now: opts.now }).catch((e: unknown) => Promise.reject(subscriptionRefusal(e)));
    if (!payment) return;
    const current = await api.current();
    if (current?.id !== payment.order.id) throw new CliError(`payment ${payment.id} succeeded but subscription ${payment.order.id} is not the account's`, undefined, 'see `tokencli payment show` and `tokencli quota`');
    sub = current;
  } else {
    if (!opts.yes) {
      opts.io.err(`${plan.name} (${plan.id}): ${describeLimits(plan.limits)}; auto-renew starts off\n`);
      if (!(await opts.prompter.confirm(`Subscribe to ${plan.name} for ${describePrice(plan)}?`, false))) throw new CliError('subscription declined: nothing was charged');
    }
    // One key for this subscription, reused by every retry: a lost answer is replayed, never charged twice.
    const stop = opts.io.spinner('Subscribing').stop;
    sub = await api.create(plan.id, randomUUID()).catch((e: unknown) => Promise.reject(subscriptionRefusal(e))).finally(stop);
  }
  await rememberAfterOrder(await opts.local(), client);
  if (opts.json) return printJson(opts.io, payment ? { ...sub, payment } : sub);
  const now = opts.now();
  printSubscription(opts.io, sub, now, await opts.timeZone());
  success(opts.io, opts.quiet, `Subscribed to ${summary}${phoneBill ? ' on the phone bill' : ''}; ${renewalPhrase(sub, now)}`);
}
