/** `tokencli plan upgrade TIER`: move the subscription to a dearer tier at once, paying the prorated difference, with one idempotency key reused by every retry. */
import { randomUUID } from 'node:crypto';
import { Command } from 'commander';
import { Subscriptions } from '../../../../client/resources/subscriptions.js';
import type { Context } from '../../../context.js';
import { localStateOf, rememberAfterOrder } from '../../../after-order.js';
import { CliError, UsageError } from '../../../errors.js';
import { formatMoney } from '../../../io/format.js';
import { success } from '../../../io/messages.js';
import { printJson } from '../../../io/json.js';
import { describeLimits } from '../../plans/limits.js';
import { noSubscription, printSubscription, requireTokenPlan, subscriptionRefusal, type SubscriptionOrderOptions } from '../subscription.js';

export type UpgradeOptions = SubscriptionOrderOptions;

export function upgradeCommand(ctx: Context, runF = upgradeRun): Command {
  return new Command('upgrade')
    .description('Move the subscription to a dearer tier at once, paying the difference for the part of the month left; never charges twice')
    .argument('<tier>', 'the subscription plan id to move to, as `tokencli plans` lists them')
    .option('-y, --yes', 'upgrade without asking', false)
    .addHelpText('after', '\nWhat the windows counted carries over to the new limits; the month keeps its day.\n\nExamples:\n  $ tokencli plan upgrade pro-monthly\n  $ tokencli plan upgrade max-monthly --yes --json')
    .action(async (planId: string, flags: { yes: boolean }) => {
      await requireTokenPlan(ctx, 'upgrade');
      return runF({ io: ctx.io, prompter: ctx.prompter, client: () => ctx.client({ requireKey: true }), planId, yes: flags.yes, json: ctx.globals.json, quiet: ctx.globals.quiet, now: ctx.now, timeZone: () => ctx.timeZone(), local: localStateOf(ctx) });
    });
}

export async function upgradeRun(opts: UpgradeOptions): Promise<void> {
  if (!opts.yes && !opts.io.canPrompt()) throw new UsageError('an upgrade needs confirmation and there is no terminal to ask', 'pass --yes to upgrade without a prompt');
  const client = await opts.client();
  const api = new Subscriptions(client);
  const [tiers, current] = await Promise.all([api.plans(), api.current()]);
  const to = tiers.find((p) => p.id === opts.planId);
  if (!to) throw new UsageError(`no subscription tier "${opts.planId}"`, `tiers: ${tiers.map((p) => p.id).join(', ')}`);
  const from = tiers.find((p) => p.id === current?.plan_id);
  if (!current || current.status !== 'active' || !from) throw noSubscription();
  if (to.id === from.id) throw new UsageError(`the subscription is on ${from.name} (${from.id}) already`, 'see the dearer tiers with `tokencli plans`');
  // What the server will charge: the difference of the monthly prices for the share of the period left, rounded up.
  const start = Date.parse(current.current_period_start);
  const end = Date.parse(current.current_period_end);
  const due = { amount_minor: Math.max(0, Math.ceil(((to.price.amount_minor - from.price.amount_minor) * (end - opts.now().getTime())) / (end - start))), currency: to.price.currency };
  if (!opts.yes && !(await opts.prompter.confirm(`Upgrade ${from.name} to ${to.name} (${describeLimits(to.limits)}) for about ${formatMoney(due)} now, then ${formatMoney(to.price)} a month?`, false))) {
    throw new CliError('upgrade declined: nothing was charged');
  }
  const stop = opts.io.spinner('Upgrading').stop;
  const sub = await api.upgrade(to.id, randomUUID()).catch((e: unknown) => Promise.reject(subscriptionRefusal(e))).finally(stop);
  await rememberAfterOrder(await opts.local(), client);
  if (opts.json) return printJson(opts.io, sub);
  printSubscription(opts.io, sub, opts.now(), await opts.timeZone());
  success(opts.io, opts.quiet, `Upgraded to ${to.name}: ${describeLimits(to.limits)}; paid this period ${formatMoney(sub.price)}`);
}
