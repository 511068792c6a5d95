/** `tokencli plan purchase PLAN`: show the charge, confirm, and buy with one idempotency key reused by every retry. */
import { randomUUID } from 'node:crypto';
import { Command, Option } from 'commander';
import type { TokenClient } from '../../../../client/client.js';
import type { Ledger } from '../../../../ledger/ledger.js';
import { providerDefaults, type Context } from '../../../context.js';
import { CliError, UsageError } from '../../../errors.js';
import { openInBrowser, topUpRun } from '../../../top-up.js';
import type { Prompter } from '../../../io/prompter.js';
import type { IOStreams } from '../../../io/streams.js';
import { formatMoney, formatTokens, relativeTime } from '../../../io/format.js';
import { success } from '../../../io/messages.js';
import { printTable } from '../../../io/table.js';
import { printJson } from '../../../io/json.js';
import { integerBetween } from '../../../flags.js';
import type { ProviderCache } from '../../../provider-cache.js';
import type { Payment } from '../../../../shared/billing.js';
import { PURCHASE_QUANTITY_MAX, type Purchase } from '../../../../shared/wire.js';
import { rememberAfterOrder } from '../../../after-order.js';
import { addPayOptions, checkPayFlags, payByPhoneBill, type PayMethod } from '../../payment/pay.js';

export interface PurchaseOptions {
  io: IOStreams;
  prompter: Prompter;
  client: () => Promise<TokenClient>;
  ledger: () => Promise<Ledger>;
  providerCache: () => Promise<ProviderCache>;
  profile: string;
  apiUrl: string;
  account: () => Promise<string>;
  planId: string;
  quantity: number;
  pay: PayMethod;
  /** False with --no-wait: a phone-bill payment is printed for `tokencli payment confirm`, not completed here. */
  wait: boolean;
  yes: boolean;
  json: boolean;
  quiet: boolean;
  now: () => Date;
}

export function purchaseCommand(ctx: Context, runF = purchaseRun): Command {
  const cmd = new Command('purchase')
    .description('Buy a plan: shows the charge and asks to confirm (--yes without a terminal), or pays by phone bill with an SMS code; never charges twice')
    .argument('<plan>', 'plan id, as `tokencli plans` lists them')
    .addOption(new Option('--quantity <n>', 'how many packs').default(1).argParser(integerBetween('--quantity', 1, PURCHASE_QUANTITY_MAX)))
    .option('-y, --yes', 'buy without asking', false)
    .option('--web', 'for providers that sell credits only on their website: open the top-up page', false);
  return addPayOptions(cmd, 'purchase')
    .addHelpText('after', '\nExamples:\n  $ tokencli plan purchase starter\n  $ tokencli plan purchase basic --quantity 2 --yes --json\n  $ tokencli plan purchase starter --pay phone-bill\n  $ tokencli plan purchase starter --pay phone-bill --no-wait --json')
    .action(async (planId: string, flags: { quantity: number; yes: boolean; web: boolean; pay: PayMethod; wait: boolean }) => {
      const kind = await ctx.providerKind();
      if (kind !== 'tokenplan') return topUpRun({ io: ctx.io, profile: await providerDefaults(kind), apiUrl: await ctx.apiUrl(), web: flags.web, json: ctx.globals.json, open: openInBrowser });
      return runF({
        io: ctx.io,
        prompter: ctx.prompter,
        client: () => ctx.client({ requireKey: true }),
        ledger: ctx.ledger,
        providerCache: ctx.providerCache,
        profile: await ctx.profileName(),
        apiUrl: await ctx.apiUrl(),
        account: ctx.account,
        planId,
        quantity: flags.quantity,
        pay: flags.pay,
        wait: flags.wait,
        yes: flags.yes,
        json: ctx.globals.json,
        quiet: ctx.globals.quiet,
        now: ctx.now,
      });
    });
}

export async function purchaseRun(opts: PurchaseOptions): Promise<void> {
  const phoneBill = opts.pay === 'phone-bill';
  checkPayFlags(opts.io, opts.pay, opts.wait);
  if (!phoneBill && !opts.yes && !opts.io.canPrompt()) {
    throw new UsageError('a purchase needs confirmation and there is no terminal to ask', 'pass --yes to buy without a prompt');
  }
  const client = await opts.client();
  const plans = await client.plans.list();
  (await opts.providerCache()).rememberPlans(plans.data);
  const plan = plans.data.find((p) => p.id === opts.planId);
  if (!plan) throw new UsageError(`no plan "${opts.planId}"`, `plans: ${plans.data.map((p) => p.id).join(', ')} (see \`tokencli plans\`)`);
  const price = { amount_minor: plan.price.amount_minor * opts.quantity, currency: plan.price.currency };
  const tokens = plan.tokens * opts.quantity;
  const summary = `${plan.name}${opts.quantity > 1 ? ` ×${opts.quantity}` : ''}: ${formatTokens(tokens)} tokens for ${formatMoney(price)}, valid ${plan.validity_days} days`;

  let purchase: Purchase;
  let payment: Payment | undefined;
  if (phoneBill) {
    payment = await payByPhoneBill({ io: opts.io, prompter: opts.prompter, client, order: { type: 'purchase', plan_id: plan.id, quantity: opts.quantity }, wait: opts.wait, json: opts.json, now: opts.now });
    if (!payment) return;
    const orderId = payment.order.id;
    const bought = (await client.purchases.list()).data.find((p) => p.id === orderId);
    if (!bought) throw new CliError(`payment ${payment.id} succeeded but its purchase ${orderId} is not listed`, undefined, 'see `tokencli payment show` and `tokencli balance`');
    purchase = bought;
  } else {
    if (!opts.yes && !(await opts.prompter.confirm(`Buy ${summary}?`, false))) {
      // Declining is not Ctrl-C (130): the purchase simply did not happen, which a script must see.
      throw new CliError('purchase declined: nothing was charged');
    }
    // One key for this purchase, reused by every retry: a lost answer is replayed, never charged twice.
    const stop = opts.io.spinner('Purchasing').stop;
    purchase = await client.purchases.create({ plan_id: plan.id, quantity: opts.quantity }, randomUUID()).finally(stop);
  }
  const balance = await rememberAfterOrder(opts, client);

  if (opts.json) return printJson(opts.io, { ...purchase, balance, ...(payment ? { payment } : {}) });
  printTable(
    opts.io,
    [
      { key: 'id', title: 'purchase', human: (p) => p.id, raw: (p) => p.id },
      { key: 'pack_id', title: 'pack', human: (p) => p.pack.id, raw: (p) => p.pack.id, drop: 1 },
      { key: 'tokens', title: 'tokens', human: (p) => formatTokens(p.pack.tokens_total), raw: (p) => p.pack.tokens_total },
      { key: 'price_minor', title: 'price', human: (p) => formatMoney(p.price), raw: (p) => p.price.amount_minor },
      { key: 'currency', title: '', human: () => '', raw: (p) => p.price.currency, pipedOnly: true },
      { key: 'expires_at', title: 'expires', human: (p) => relativeTime(p.pack.expires_at, opts.now()), raw: (p) => p.pack.expires_at },
    ],
    [purchase],
  );
  success(opts.io, opts.quiet, `Bought ${summary}${payment ? ' on the phone bill' : ''}; balance now ${formatTokens(balance.tokens_remaining)} tokens`);
}
