/** `tokencli budget status`: each budget's use, limit, reset and projected exhaustion, from the ledger alone. */
import { Command } from 'commander';
import type { BudgetState } from '../../../ledger/budget-rules.js';
import { budgetStates, standingAlerts } from '../../budget-enforcement.js';
import type { Context } from '../../context.js';
import { countFor, formatMoney, relativeTime } from '../../io/format.js';
import { note, warn } from '../../io/messages.js';
import type { IOStreams } from '../../io/streams.js';
import { printJson, printRows } from '../../io/table.js';
import { budgetCommon, type BudgetCommon } from './shared.js';

export function budgetStatusCommand(ctx: Context, runF = budgetStatusRun): Command {
  return new Command('status')
    .description('Each budget: used, limit, percent, reset time and projected exhaustion; works offline')
    .addHelpText('after', '\nExamples:\n  $ tokencli budget status\n  $ tokencli budget status --json')
    .action(async () => runF(await budgetCommon(ctx)));
}

export function statusRows(states: BudgetState[], tty: boolean, now: Date, color: IOStreams['color']): string[][] {
  return states.map((s) => {
    const b = s.budget;
    const filled = Math.min(20, Math.floor((s.used * 20) / b.limit_tokens));
    const bar = '█'.repeat(filled) + '░'.repeat(20 - filled);
    const paint = s.percent >= 100 ? color.red : s.percent >= 80 ? color.yellow : color.green;
    const n = countFor(tty);
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

export async function budgetStatusRun(opts: BudgetCommon): Promise<void> {
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
