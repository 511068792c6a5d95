/** `tokencli budget rm`: remove the budget of a period, or the alerts on a quota window. */
import { Command, Option } from 'commander';
import { ADJECTIVE, PERIODS, type Period } from '../../../ledger/periods.js';
import { removeWindowAlert } from '../../../ledger/quota-store.js';
import type { WindowName } from '../../../tokens/windows.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { success } from '../../io/messages.js';
import { printJson } from '../../io/json.js';
import { budgetCommon, type BudgetCommon } from './shared.js';
import { WINDOW_ADJECTIVE } from '../quota/pace.js';
import { WINDOW_NAMES } from './window.js';

export function budgetRmCommand(ctx: Context, runF = budgetRemoveRun): Command {
  return new Command('rm')
    .description('Remove the budget of a period, or the alerts on a quota window')
    .addOption(new Option('--period <period>', 'the budget of this period').choices(PERIODS).conflicts('window'))
    .addOption(new Option('--window <window>', 'the alerts on this quota window').choices(Object.keys(WINDOW_NAMES)))
    .addHelpText('after', '\nExamples:\n  $ tokencli budget rm --period day\n  $ tokencli budget rm --window 5h')
    .action(async (flags: { period?: Period; window?: string }) => {
      if (!flags.period && !flags.window) throw new UsageError('say which: --period day|week|month, or --window 5h|week|month');
      return runF({ ...(await budgetCommon(ctx)), ...(flags.period ? { period: flags.period } : { window: WINDOW_NAMES[flags.window!]! }) });
    });
}

export type BudgetRemoveOptions = BudgetCommon & ({ period: Period } | { window: WindowName });

export async function budgetRemoveRun(opts: BudgetRemoveOptions): Promise<void> {
  const ledger = await opts.ledger();
  if ('window' in opts) {
    const removed = removeWindowAlert(ledger, opts.profile, opts.window);
    if (opts.json) return printJson(opts.io, { profile: opts.profile, window: opts.window, removed });
    if (!removed) throw new UsageError(`profile "${opts.profile}" has no alerts on the ${WINDOW_ADJECTIVE[opts.window]} quota window`);
    return success(opts.io, opts.quiet, `Removed the alerts on the ${WINDOW_ADJECTIVE[opts.window]} quota window of profile "${opts.profile}"`);
  }
  const removed = ledger.removeBudget(opts.profile, opts.period);
  if (opts.json) return printJson(opts.io, { profile: opts.profile, period: opts.period, removed });
  if (!removed) throw new UsageError(`profile "${opts.profile}" has no ${ADJECTIVE[opts.period]} budget`);
  success(opts.io, opts.quiet, `Removed the ${ADJECTIVE[opts.period]} budget of profile "${opts.profile}"`);
}
