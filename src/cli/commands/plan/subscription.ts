/**
 * What the subscription verbs share: the Token Plan-only guard, the subscription as facts on a
 * terminal (as --json fields when piped), and the server's refusals turned into errors naming the fix.
 */
import type { TokenClient } from '../../../client/client.js';
import { ApiError } from '../../../client/errors.js';
import { Subscriptions } from '../../../client/resources/subscriptions.js';
import type { Subscription } from '../../../shared/quota.js';
import type { Context } from '../../context.js';
import { CliError, UsageError } from '../../errors.js';
import { formatMoney, when } from '../../io/format.js';
import { success } from '../../io/messages.js';
import type { IOStreams } from '../../io/streams.js';
import type { Prompter } from '../../io/prompter.js';
import type { LocalState } from '../../after-order.js';
import { printFacts } from '../../io/table.js';
import { printJson } from '../../io/json.js';

/** Subscriptions are a Token Plan API feature; the coding-plan vendors sell theirs on their websites. */
export async function requireTokenPlan(ctx: Context, verb: string): Promise<void> {
  const kind = await ctx.providerKind();
  if (kind !== 'tokenplan') {
    throw new CliError(`plan ${verb} needs a Token Plan server; this profile's provider is ${kind}`, undefined, 'subscribe on the provider\'s website; `tokencli quota` reads the quota it gives');
  }
}

/** Local clock time of an instant, for a reset or a renewal: "Sat 27 Dec 2026, 19:40". */
export const localClock = (iso: string, zone: string) =>
  new Date(iso).toLocaleString('en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "renews in 30 days", "ends in 30 days (auto-renew off)", "ended 3 days ago". */
export function renewalPhrase(s: Subscription, now: Date): string {
  const at = when(s.current_period_end, true, now);
  if (s.status === 'ended') return `ended ${at}`;
  return s.auto_renew ? `renews ${at}` : `ends ${at} (auto-renew off)`;
}

export function printSubscription(io: IOStreams, s: Subscription, now: Date, zone: string): void {
  const facts = [
    { key: 'id', label: 'subscription', human: s.id, raw: s.id },
    { key: 'plan_id', label: 'plan', human: s.plan_id, raw: s.plan_id },
    { key: 'status', label: 'status', human: s.status, raw: s.status },
    { key: 'auto_renew', label: 'auto-renew', human: s.auto_renew ? 'on' : 'off', raw: s.auto_renew },
    { key: 'current_period_start', label: 'period from', human: localClock(s.current_period_start, zone), raw: s.current_period_start },
    { key: 'current_period_end', label: 'period to', human: `${localClock(s.current_period_end, zone)} (${renewalPhrase(s, now)})`, raw: s.current_period_end },
    { key: 'price_minor', label: 'paid this period', human: formatMoney(s.price), raw: s.price.amount_minor },
  ];
  // A terminal shows the currency inside the amount; a program gets it as a field of its own.
  if (!io.isStdoutTTY) facts.push({ key: 'currency', label: 'currency', human: s.price.currency, raw: s.price.currency });
  printFacts(io, facts);
}

export const noSubscription = () => new CliError('this account has no active subscription', undefined, 'see the tiers with `tokencli plans`, then `tokencli plan subscribe TIER`');

/** The server's word on a subscription request, as an error that says what to do instead; anything else as it came. */
export function subscriptionRefusal(e: unknown): unknown {
  if (!(e instanceof ApiError)) return e;
  switch (e.code) {
    case 'no_subscription':
      return noSubscription();
    case 'subscription_exists':
      return new UsageError('this account already has an active subscription', '`tokencli plan upgrade TIER` moves it to a dearer tier at once; `tokencli plan cancel` ends it at the end of the period paid for');
    case 'not_an_upgrade':
      return new UsageError(e.message, 'a cheaper tier is a new subscription after this one ends: `tokencli plan cancel`, then `tokencli plan subscribe TIER`');
    default:
      return e;
  }
}

export interface AutoRenewOptions {
  io: IOStreams;
  client: () => Promise<TokenClient>;
  json: boolean;
  quiet: boolean;
  now: () => Date;
  timeZone: () => Promise<string>;
}

/** `plan renew --on|--off` and `plan cancel`: set auto-renew (setting a value twice is harmless, so a retry is safe) and say what follows. */
export async function setAutoRenew(opts: AutoRenewOptions, on: boolean): Promise<void> {
  const stop = opts.io.spinner(on ? 'Turning auto-renew on' : 'Turning auto-renew off').stop;
  const sub = await new Subscriptions(await opts.client()).setAutoRenew(on).catch((e: unknown) => Promise.reject(subscriptionRefusal(e))).finally(stop);
  if (opts.json) return printJson(opts.io, sub);
  const now = opts.now();
  const zone = await opts.timeZone();
  printSubscription(opts.io, sub, now, zone);
  const at = localClock(sub.current_period_end, zone);
  success(opts.io, opts.quiet, on ? `${sub.plan_id} renews at ${at}, at the tier's regular monthly price (\`tokencli plans\`)` : `${sub.plan_id} ends at ${at}; \`tokencli plan renew --on\` keeps it`);
}

/** What `plan subscribe` and `plan upgrade` both take: an order of a tier, confirmed, remembered locally. */
export interface SubscriptionOrderOptions {
  io: IOStreams;
  prompter: Prompter;
  client: () => Promise<TokenClient>;
  planId: string;
  yes: boolean;
  json: boolean;
  quiet: boolean;
  now: () => Date;
  timeZone: () => Promise<string>;
  /** Where the balance and quota after the order are kept, as every path that completes an order keeps them. */
  local: () => Promise<LocalState>;
}
