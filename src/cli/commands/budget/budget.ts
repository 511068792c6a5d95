/** `tokencli budget`: spending caps per period, enforced from the local ledger; one file per verb. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { budgetRmCommand } from './rm.js';
import { budgetSetCommand } from './set.js';
import { budgetStatusCommand } from './status.js';
import { budgetWindowCommand } from './window.js';

export function budgetCommand(ctx: Context): Command {
  return new Command('budget')
    .description('Spending caps per day, week or month, enforced from the local ledger (also offline); alerts on quota windows')
    .addCommand(budgetSetCommand(ctx))
    .addCommand(budgetWindowCommand(ctx))
    .addCommand(budgetStatusCommand(ctx))
    .addCommand(budgetRmCommand(ctx));
}
