/** `tokencli budget rm`: remove the budget of a period. */
import { Command } from 'commander';
import { ADJECTIVE, type Period } from '../../../ledger/periods.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { success } from '../../io/messages.js';
import { printJson } from '../../io/table.js';
import { budgetCommon, periodOption, type BudgetCommon } from './shared.js';

export function budgetRmCommand(ctx: Context, runF = budgetRemoveRun): Command {
  return new Command('rm')
    .description('Remove the budget of a period')
    .addOption(periodOption())
    .addHelpText('after', '\nExample:\n  $ tokencli budget rm --period day')
    .action(async (flags: { period: Period }) => runF({ ...(await budgetCommon(ctx)), period: flags.period }));
}

export async function budgetRemoveRun(opts: BudgetCommon & { period: Period }): Promise<void> {
  const removed = (await opts.ledger()).removeBudget(opts.profile, opts.period);
  if (opts.json) return printJson(opts.io, { profile: opts.profile, period: opts.period, removed });
  if (!removed) throw new UsageError(`profile "${opts.profile}" has no ${ADJECTIVE[opts.period]} budget`);
  success(opts.io, opts.quiet, `Removed the ${ADJECTIVE[opts.period]} budget of profile "${opts.profile}"`);
}
