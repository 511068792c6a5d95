import { Command, Option } from 'commander';
import type { TokenClient } from '../../../client/client.js';
import type { Budget, BudgetState } from '../../../ledger/budget.js';
import { parseThresholds } from '../../../ledger/budget.js';
import type { Ledger } from '../../../ledger/ledger.js';
import { ADJECTIVE, PERIODS, type Period } from '../../../ledger/periods.js';
import type { Balance } from '../../../shared/wire.js';
import { budgetStates, standingAlerts } from '../../budgets.js';
import type { Context } from '../../context.js';
import { CliError, UsageError } from '../../errors.js';
import { formatMoney, formatTokens, relativeTime } from '../../io/format.js';
import { note, success, warn } from '../../io/messages.js';
import type { IOStreams } from '../../io/streams.js';
import { printJson, printRows } from '../../io/table.js';
import { positiveInteger } from '../../program.js';
import { parseMoney, tokensForMoney, type Money } from '../../../tokens/money.js';

interface Common {
  io: IOStreams;
  ledger: () => Promise<Ledger>;
  readLedger: () => Promise<Ledger>;
  profile: string;
  timeZone: string;
  json: boolean;
  quiet: boolean;
  now: () => Date;
}

export interface BudgetSetOptions extends Common {
  period: Period;
  tokens?: number;
  amount?: string;
  warn: number[];
  hard: boolean;
  alertCommand?: string;
  client: () => Promise<TokenClient>;
}

export function budgetCommand(ctx: Context): Command {
  const common = async (): Promise<Common> => ({
    io: ctx.io,
    ledger: ctx.ledger,
    readLedger: ctx.readLedger,
    profile: await ctx.profileName(),
    timeZone: await ctx.timeZone(),
    json: ctx.globals.json,
    quiet: ctx.globals.quiet,
    now: ctx.now,
  });
  const period = () => new Option('--period <period>', 'budget period, in the local time zone (or `config set tz`)').choices(PERIODS);
  const cmd = new Command('budget').description('Spending caps per day, week or month, enforced from the local ledger (also offline)');
  cmd
    .command('set')
    .description('Create or replace the budget of a period: a token or money limit, warning thresholds, hard or soft')
    .addOption(period().makeOptionMandatory())
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
      await budgetSetRun({
        ...(await common()),
        period: flags.period,
        ...(flags.tokens !== undefined ? { tokens: flags.tokens } : {}),
        ...(flags.amount !== undefined ? { amount: flags.amount } : {}),
        warn: warnAt,
        hard: flags.hard,
        ...(flags.alertCommand ? { alertCommand: flags.alertCommand } : {}),
        client: () => ctx.client({ requireKey: true }),
      });
    });
  cmd
    .command('status')
    .description('Each budget: used, limit, percent, reset time and projected exhaustion; works offline')
    .addHelpText('after', '\nExamples:\n  $ tokencli budget status\n  $ tokencli budget status --json')
    .action(async () => budgetStatusRun(await common()));
  cmd
    .command('rm')
    .description('Remove the budget of a period')
    .addOption(period().makeOptionMandatory())
    .addHelpText('after', '\nExample:\n  $ tokencli budget rm --period day')
    .action(async (flags: { period: Period }) => budgetRemoveRun({ ...(await common()), period: flags.period }));
  return cmd;
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
    throw new CliError(`cannot price a money budget without the server (${e.message})`, 3, 'use --tokens instead, or try again online');
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

export function statusRows(states: BudgetState[], tty: boolean, now: Date, color: IOStreams['color']): string[][] {
  return states.map((s) => {
    const b = s.budget;
    const filled = Math.min(20, Math.floor((s.used * 20) / b.limit_tokens));
    const bar = '█'.repeat(filled) + '░'.repeat(20 - filled);
    const paint = s.percent >= 100 ? color.red : s.percent >= 80 ? color.yellow : color.green;
    const n = (v: number) => (tty ? formatTokens(v) : String(v));
    return tty
      ? [
          `${b.period}${b.hard ? ' (hard)' : ''}`,
          n(s.used),
          `${n(b.limit_tokens)}${b.limit_money ? ` (${formatMoney(b.limit_money)})` : ''}`,
          paint(`${s.percent}%`),
          paint(bar),
          relativeTime(s.bounds.end.toISOString(), now),
          s.projected_exhaustion ? relativeTime(s.projected_exhaustion.toISOString(), now) : '-',
        ]
      : [b.period, b.hard ? 'hard' : 'soft', n(s.used), n(b.limit_tokens), String(s.percent), s.bounds.end.toISOString(), s.projected_exhaustion?.toISOString() ?? ''];
  });
}

export async function budgetStatusRun(opts: Common): Promise<void> {
  const now = opts.now();
  const states = await budgetStates(await opts.readLedger(), opts.profile, now, async () => opts.timeZone);
  for (const line of standingAlerts(states, now)) warn(opts.io, line);
  if (opts.json) {
    return printJson(opts.io, {
      profile: opts.profile,
      time_zone: opts.timeZone,
      budgets: states.map((s) => ({
        period: s.budget.period,
        hard: s.budget.hard,
        limit_tokens: s.budget.limit_tokens,
        limit_money: s.budget.limit_money,
        used_tokens: s.used,
        remaining_tokens: s.remaining,
        percent: s.percent,
        warn: s.budget.warn,
        crossed: s.crossed,
        period_start: s.bounds.start.toISOString(),
        resets_at: s.bounds.end.toISOString(),
        projected_exhaustion: s.projected_exhaustion?.toISOString() ?? null,
        alert_command: s.budget.alert_command,
      })),
    });
  }
  if (states.length === 0) return note(opts.io, false, `no budgets for profile "${opts.profile}": add one with \`tokencli budget set\``);
  printRows(opts.io, ['period', 'used', 'limit', '%', '', 'resets', 'exhausted'], statusRows(states, opts.io.isStdoutTTY, now, opts.io.color));
}

export async function budgetRemoveRun(opts: Common & { period: Period }): Promise<void> {
  const removed = (await opts.ledger()).removeBudget(opts.profile, opts.period);
  if (opts.json) return printJson(opts.io, { profile: opts.profile, period: opts.period, removed });
  if (!removed) throw new UsageError(`profile "${opts.profile}" has no ${ADJECTIVE[opts.period]} budget`);
  success(opts.io, opts.quiet, `Removed the ${ADJECTIVE[opts.period]} budget of profile "${opts.profile}"`);
}
