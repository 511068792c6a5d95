/**
 * `tokencli budget window WINDOW`: alerts on a quota window's used share. The provider sets the
 * window's limit; this sets the thresholds and the alert command, which fire after a run, once per
 * threshold per window, exactly as a budget's do.
 */
import { Command, Argument } from 'commander';
import { parseThresholds } from '../../../ledger/budget-rules.js';
import { setWindowAlert } from '../../../ledger/quota-store.js';
import type { WindowName } from '../../../tokens/windows.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { success } from '../../io/messages.js';
import { printJson } from '../../io/json.js';
import { WINDOW_ADJECTIVE } from '../quota/pace.js';
import { budgetCommon, type BudgetCommon } from './shared.js';

/** What a user may call each window: the API's names, and the short ones `quota --line` prints. */
export const WINDOW_NAMES: Record<string, WindowName> = { rolling_5h: 'rolling_5h', '5h': 'rolling_5h', week: 'week', wk: 'week', cycle: 'cycle', month: 'cycle', mo: 'cycle' };
export const windowArgument = () => new Argument('<window>', 'the quota window: 5h (rolling_5h), week, or month (cycle)').choices(Object.keys(WINDOW_NAMES));


export interface BudgetWindowOptions extends BudgetCommon {
  window: WindowName;
  warn: number[];
  alertCommand?: string;
}

export function budgetWindowCommand(ctx: Context, runF = budgetWindowRun): Command {
  return new Command('window')
    .description('Alert when a quota window of the subscription passes a share of its limit (once per threshold per window)')
    .addArgument(windowArgument())
    .option('--warn <percents>', 'thresholds in percent of the window\'s limit', '80,100')
    .option('--alert-command <cmd>', 'run this shell command on each alert, with TOKENCLI_ALERT_* variables set (WINDOW, UNIT, THRESHOLD, PERCENT, USED, LIMIT, RESETS_AT, MESSAGE)')
    .addHelpText(
      'after',
      `
Checked after each run against the windows its answer reported (no extra request), and by each
online \`tokencli quota\` against the windows it fetched. A calendar
window alerts each threshold once until it resets; the rolling 5-hour window once until its use
falls back under the threshold. Setting a window's alert again replaces it.

Examples:
  $ tokencli budget window 5h --warn 50,80
  $ tokencli budget window week --warn 90 --alert-command 'notify-send "$TOKENCLI_ALERT_MESSAGE"'`,
    )
    .action(async (window: string, flags: { warn: string; alertCommand?: string }) => {
      const warnAt = parseThresholds(flags.warn);
      if (!warnAt) throw new UsageError(`--warn must be whole percents separated by commas, not "${flags.warn}"`);
      await runF({ ...(await budgetCommon(ctx)), window: WINDOW_NAMES[window]!, warn: warnAt, ...(flags.alertCommand ? { alertCommand: flags.alertCommand } : {}) });
    });
}

export async function budgetWindowRun(opts: BudgetWindowOptions): Promise<void> {
  const alert = setWindowAlert(await opts.ledger(), { profile: opts.profile, window: opts.window, warn: opts.warn, alert_command: opts.alertCommand ?? null }, opts.now());
  if (opts.json) return printJson(opts.io, alert);
  success(opts.io, opts.quiet, `Alerts on the ${WINDOW_ADJECTIVE[alert.window]} quota window for profile "${opts.profile}" at ${alert.warn.join('/')}% of its limit${alert.alert_command ? ', with an alert command' : ''}`);
}
