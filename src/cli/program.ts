/**
 * The root command: global flags, and every command registered with its flags. Command modules
 * keep their heavy dependencies behind lazy getters, so `--help` and `--version` load nothing else.
 */
import { Command, Option } from 'commander';
import { DEFAULT_TIMEOUT_SECONDS, type Context, type GlobalOptions } from './context.js';
import { positiveNumber } from './flags.js';
import { aliasCommand } from './commands/alias/alias.js';
import { chatCommand } from './commands/chat/chat.js';
import { authCommand } from './commands/auth/auth.js';
import { templateCommand } from './commands/template/template.js';
import { authTokenCommand } from './commands/auth/token.js';
import { authKeysCommand } from './commands/auth/keys.js';
import { profilesUseCommand } from './commands/profiles/use.js';
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
  const program = new Command('tokencli')
    .description('Buy, spend and meter LLM tokens from the terminal.')
    .version(ctx.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .option('--profile <name>', 'profile to use (default: TOKENCLI_PROFILE or the current profile)')
    .option('--api-url <url>', 'provider base URL (default: TOKENCLI_API_URL or the profile\'s)')
    .option('--json', 'print one JSON document on stdout', false)
    .option('--no-color', 'never colour output (also NO_COLOR)')
    .option('--no-header', 'piped tables without their first row of field names')
    .option('-q, --quiet', 'print only data, no messages', false)
    .option('--debug', 'print the request trace to stderr (keys redacted)', false)
    .addOption(new Option('--timeout <seconds>', 'seconds each attempt may take (a GET is tried up to 3 times, so a silent server costs about 3x this plus back-off); also the idle limit of a stream').default(DEFAULT_TIMEOUT_SECONDS).argParser(positiveNumber('--timeout')))
    .option('--insecure', 'allow plain http:// to a host other than this machine', false)
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => ctx.io.out(s),
      writeErr: (s) => ctx.io.err(s),
      outputError: (s, write) => write(ctx.io.errColor.red(s)),
    })
    .exitOverride()
    .helpCommand(false);

  program.hook('preAction', (_root, action) => {
    Object.assign(ctx.globals, action.optsWithGlobals() as Partial<GlobalOptions>);
  });

  for (const make of [runCommand, chatCommand, logsCommand, loginCommand, logoutCommand, profilesCommand, plansCommand, planCommand, balanceCommand, quotaCommand, budgetCommand, usageCommand, modelsCommand, aliasCommand, templateCommand, configCommand, serveCommand]) {
    program.addCommand(make(ctx));
  }
  // gh's habits: `auth login|logout|switch|token` beside `auth status`, the same commands as the short forms.
  program.addCommand(
    authCommand(ctx)
      .addCommand(loginCommand(ctx))
      .addCommand(logoutCommand(ctx))
      .addCommand(profilesUseCommand(ctx).name('switch'))
      .addCommand(authTokenCommand(ctx))
      .addCommand(authKeysCommand(ctx)),
  );
  for (const make of [paymentCommand, statementCommand, invoiceCommand]) program.addCommand(make(ctx));
  program.addCommand(completionCommand(ctx, () => program));
  program.addCommand(helpCommand(ctx, program));
  program.addCommand(completeCommand(ctx), { hidden: true });

  for (const cmd of program.commands) inherit(cmd, program);
  return program;
}

/** Subcommands parse and report errors the same way the root does. */
function inherit(cmd: Command, root: Command): void {
  // Subcommand help lists the global flags too (--profile, --json...), as gh's does.
  cmd.exitOverride().configureOutput(root.configureOutput()).showSuggestionAfterError(true).configureHelp({ showGlobalOptions: true });
  for (const sub of cmd.commands) inherit(sub, root);
}
