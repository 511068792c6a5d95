/**
 * The full command tree: the root (root.ts) with every command registered. `help`, `completion`,
 * the docs and the tests read it whole; a plain command line loads only its own command (root.ts).
 */
import type { Command } from 'commander';
import type { Context } from './context.js';
import { authTree } from './auth-tree.js';
import { inherit, rootCommand } from './root.js';
import { aliasCommand } from './commands/alias/alias.js';
import { chatCommand } from './commands/chat/chat.js';
import { templateCommand } from './commands/template/template.js';
import { quotaCommand } from './commands/quota/quota.js';
import { balanceCommand } from './commands/balance/balance.js';
import { budgetCommand } from './commands/budget/budget.js';
import { completeCommand } from './commands/completion/complete.js';
import { completionCommand } from './commands/completion/completion.js';
import { configCommand } from './commands/config/config.js';
import { helpCommand } from './commands/help/help.js';
import { loginCommand } from './commands/login/login.js';
import { logsCommand } from './commands/logs/logs.js';
import { logoutCommand } from './commands/logout/logout.js';
import { modelsCommand } from './commands/models/models.js';
import { planCommand } from './commands/plan/plan.js';
import { plansCommand } from './commands/plans/plans.js';
import { profilesCommand } from './commands/profiles/profiles.js';
import { runCommand } from './commands/run/run.js';
import { serveCommand } from './commands/serve/serve.js';
import { usageCommand } from './commands/usage/usage.js';
import { paymentCommand } from './commands/payment/payment.js';
import { statementCommand } from './commands/statement/statement.js';
import { invoiceCommand } from './commands/invoice/invoice.js';

export function createProgram(ctx: Context): Command {
  const program = rootCommand(ctx);
  for (const make of [runCommand, chatCommand, logsCommand, loginCommand, logoutCommand, profilesCommand, plansCommand, planCommand, paymentCommand, statementCommand, invoiceCommand, balanceCommand, quotaCommand, budgetCommand, usageCommand, modelsCommand, aliasCommand, templateCommand, configCommand, serveCommand]) {
    program.addCommand(make(ctx));
  }
  program.addCommand(authTree(ctx));
  program.addCommand(completionCommand(ctx, () => program));
  program.addCommand(helpCommand(ctx, program));
  program.addCommand(completeCommand(ctx), { hidden: true });

  for (const cmd of program.commands) inherit(cmd, program);
  return program;
}
