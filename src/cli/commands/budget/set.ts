/**
 * `tokencli budget set`: create or replace the budget of a period, as a token limit or as money
 * converted at the price of the plan whose pack is drawn first.
 */
import { Command, Option } from 'commander';
import type { TokenClient } from '../../../client/client.js';
import type { Budget } from '../../../ledger/budget-rules.js';
import { parseThresholds } from '../../../ledger/budget-rules.js';
import { ADJECTIVE, type Period } from '../../../ledger/periods.js';
import type { Balance } from '../../../shared/wire.js';
import { parseMoney, tokensForMoney, type Money } from '../../../tokens/money.js';
import type { Context } from '../../context.js';
import { CliError, Exit, UsageError } from '../../errors.js';
import { positiveInteger } from '../../flags.js';
import { formatMoney, formatTokens } from '../../io/format.js';
import { success } from '../../io/messages.js';
import { printJson } from '../../io/json.js';
import { budgetCommon, periodOption, type BudgetCommon } from './shared.js';

export interface BudgetSetOptions extends BudgetCommon {
  period: Period;
  tokens?: number;
  amount?: string;
  warn: number[];
  hard: boolean;
  alertCommand?: string;
  client: () => Promise<TokenClient>;
}

export function budgetSetCommand(ctx: Context, runF = budgetSetRun): Command {
  return new Command('set')
    .description('Create or replace the budget of a period: a token or money limit, warning thresholds, hard or soft')
    .addOption(periodOption())
    .addOption(new Option('--tokens <n>', 'limit in plan tokens').argParser(positiveInteger('--tokens')).conflicts('amount'))
    .option('--amount <money>', 'limit in money, e.g. ¥5 or 5.00 (converted at your plan\'s price per token)')
    .addOption(new Option('--warn <percents>', 'warning thresholds in percent').default('50,80,100'))
    .option('--hard', 'refuse runs that would exceed the limit (exit 5) unless --force', false)
    .option('--alert-command <cmd>', 'run this shell command on each alert, with TOKENCLI_ALERT_* variables set')
    .addHelpText(
      'after',
      `
Examples:
  $ tokencli budget set --period day --tokens 200000 --hard
  $ tokencli budget set --period month --amount ¥5 --warn 50,90 --alert-command 'notify-send "$TOKENCLI_ALERT_MESSAGE"'`,
    )
    .action(async (flags: { period: Period; tokens?: number; amount?: string; warn: string; hard: boolean; alertCommand?: string }) => {
      const warnAt = parseThresholds(flags.warn);
      if (!warnAt) throw new UsageError(`--warn must be whole percents separated by commas, not "${flags.warn}"`);
      if (flags.tokens === undefined && flags.amount === undefined) throw new UsageError('a budget needs a limit: --tokens N or --amount ¥X');
      await runF({
        ...(await budgetCommon(ctx)),
        period: flags.period,
        ...(flags.tokens !== undefined ? { tokens: flags.tokens } : {}),
        ...(flags.amount !== undefined ? { amount: flags.amount } : {}),
        warn: warnAt,
        hard: flags.hard,
        ...(flags.alertCommand ? { alertCommand: flags.alertCommand } : {}),
        client: () => ctx.client({ requireKey: true }),
      });
    });
}

export async function budgetSetRun(opts: BudgetSetOptions): Promise<void> {
  let limitTokens = opts.tokens;
  let limitMoney: Budget['limit_money'] = null;
  if (opts.amount !== undefined) {
    const money = parseMoney(opts.amount);
    if (!money) throw new UsageError(`--amount must be money such as ¥5 or 5.50, not "${opts.amount}"`);
    limitMoney = money;
    limitTokens = await tokensForAmount(opts, money);
  }
  const ledger = await opts.ledger();
  const budget = ledger.setBudget(
    { profile: opts.profile, period: opts.period, limit_tokens: limitTokens!, limit_money: limitMoney, warn: opts.warn, hard: opts.hard, alert_command: opts.alertCommand ?? null },
    opts.now(),
  );
  if (opts.json) return printJson(opts.io, budget);
  const money = limitMoney ? ` (${formatMoney(limitMoney)})` : '';
  success(opts.io, opts.quiet, `${budget.hard ? 'Hard' : 'Soft'} ${ADJECTIVE[budget.period]} budget for profile "${opts.profile}": ${formatTokens(budget.limit_tokens)} plan tokens${money}, warnings at ${budget.warn.join('/')}%`);
}

/** Money → plan tokens at the price of the plan whose pack is drawn first (the last balance seen). */
async function tokensForAmount(opts: BudgetSetOptions, money: Money): Promise<number> {
  const client = await opts.client();
  const [plans, balance] = await Promise.all([client.plans.list(), client.balance.get() as Promise<Balance>]).catch((e: Error) => {
    throw new CliError(`cannot price a money budget without the server (${e.message})`, Exit.NETWORK, 'use --tokens instead, or try again online');
  });
  const drawn = balance.packs.find((p) => !p.expired && p.tokens_remaining > 0);
  const plan = plans.data.find((p) => p.id === drawn?.plan_id) ?? plans.data.find((p) => p.price.currency === money.currency && p.price.amount_minor > 0);
  if (!plan || plan.price.currency !== money.currency || plan.price.amount_minor === 0) {
    throw new UsageError(`no plan priced in ${money.currency} to convert the amount`, 'use --tokens instead');
  }
  const tokens = tokensForMoney(money, plan);
  if (tokens < 1) throw new UsageError(`${formatMoney(money)} buys less than one token at the ${plan.id} plan's price`);
  return tokens;
}
