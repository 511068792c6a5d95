/**
 * `tokencli budget status`: each budget's use, limit, reset and projected exhaustion, and each
 * quota window alert against the windows last seen plus local spend since; from the ledger alone.
 */
import { Command } from 'commander';
import type { BudgetState } from '../../../ledger/budget-rules.js';
import { budgetStates, standingAlerts } from '../../budget-enforcement.js';
import type { Context } from '../../context.js';
import { formatMoney, formatTokens, relativeTime } from '../../io/format.js';
import { note, warn } from '../../io/messages.js';
import type { IOStreams } from '../../io/streams.js';
import { printTable, type Column } from '../../io/table.js';
import { printJson } from '../../io/json.js';
import { budgetCommon, type BudgetCommon } from './shared.js';
import { windowAlertStates, printWindowAlerts, type WindowAlertRow } from './window-status.js';

export function budgetStatusCommand(ctx: Context, runF = budgetStatusRun): Command {
  return new Command('status')
    .description('Each budget: used, limit, percent, reset time and projected exhaustion; works offline')
    .addHelpText('after', '\nExamples:\n  $ tokencli budget status\n  $ tokencli budget status --json')
    .action(async () => runF(await budgetCommon(ctx)));
}

/** One row per budget: a bar and relative times on a terminal; raw figures and ISO times piped. */
export function statusColumns(now: Date, color: IOStreams['color']): Column<BudgetState>[] {
  const paint = (s: BudgetState) => (s.percent >= 100 ? color.red : s.percent >= 80 ? color.yellow : color.green);
  const bar = (s: BudgetState) => {
    const filled = Math.min(20, Math.floor((s.used * 20) / s.budget.limit_tokens));
    return paint(s)('█'.repeat(filled) + '░'.repeat(20 - filled));
  };
  return [
    { key: 'period', title: 'period', human: (s) => `${s.budget.period}${s.budget.hard ? ' (hard)' : ''}`, raw: (s) => s.budget.period },
    { key: 'hard', title: '', human: () => '', raw: (s) => s.budget.hard, pipedOnly: true },
    { key: 'used_tokens', title: 'used', human: (s) => formatTokens(s.used), raw: (s) => s.used },
    { key: 'limit_tokens', title: 'limit', human: (s) => `${formatTokens(s.budget.limit_tokens)}${s.budget.limit_money ? ` (${formatMoney(s.budget.limit_money)})` : ''}`, raw: (s) => s.budget.limit_tokens },
    { key: 'percent', title: '%', human: (s) => paint(s)(`${s.percent}%`), raw: (s) => s.percent },
    { key: 'bar', title: '', human: bar, raw: () => '', drop: 2, ttyOnly: true },
    { key: 'resets_at', title: 'resets', human: (s) => relativeTime(s.bounds.end.toISOString(), now), raw: (s) => s.bounds.end.toISOString() },
    { key: 'projected_exhaustion', title: 'exhausted', human: (s) => (s.projected_exhaustion ? relativeTime(s.projected_exhaustion.toISOString(), now) : '-'), raw: (s) => s.projected_exhaustion?.toISOString(), drop: 1 },
  ];
}

export async function budgetStatusRun(opts: BudgetCommon): Promise<void> {
  const now = opts.now();
  const ledger = await opts.readLedger();
  const states = await budgetStates(ledger, opts.profile, now, async () => opts.timeZone);
  const windows: WindowAlertRow[] = windowAlertStates(ledger, opts.profile, await opts.apiUrl(), await opts.account(), now);
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
      window_alerts: windows.map((w) => ({
        window: w.alert.window,
        warn: w.alert.warn,
        alert_command: w.alert.alert_command,
        unit: w.quota?.unit ?? null,
        used: w.state?.used ?? null,
        limit: w.state?.limit ?? null,
        percent: w.state?.percent ?? null,
        crossed: w.state?.crossed ?? [],
        resets_at: w.quota?.resets_at ?? null,
        // The windows last seen plus local spend since: always an estimate.
        estimate: true,
      })),
    });
  }
  if (states.length === 0 && windows.length === 0) return note(opts.io, false, `no budgets for profile "${opts.profile}": add one with \`tokencli budget set\``);
  if (states.length > 0) printTable(opts.io, statusColumns(now, opts.io.color), states);
  // Piped, the budgets' table stays the only one; --json has the window alerts too.
  if (windows.length > 0 && opts.io.isStdoutTTY) printWindowAlerts(opts.io, windows, now, states.length > 0);
}
