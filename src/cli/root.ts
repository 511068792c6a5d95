/**
 * The root command (global flags, output, error reporting) and the start-up path of the bundled
 * CLI: only the command named on the command line is loaded. The other commands are stand-ins that
 * show in the root help exactly as the real ones do, from an index that scripts/bundle.mjs renders
 * from the full tree (program.ts) at build time. Anything this path does not recognise, and every
 * run without the index (tests, the unbundled build), gets the full tree from program.ts.
 */
import { Command, Help, Option } from 'commander';
import { DEFAULT_TIMEOUT_SECONDS, type Context, type GlobalOptions } from './context.js';
import { COMMAND_INDEX, commandWord, indexedCommand, type IndexEntry } from './command-line.js';
import { positiveNumber } from './flags.js';

export function rootCommand(ctx: Context): Command {
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
  return program;
}

/** Subcommands parse and report errors the same way the root does. */
export function inherit(cmd: Command, root: Command): void {
  // Subcommand help lists the global flags too (--profile, --json...), as gh's does.
  cmd.exitOverride().configureOutput(root.configureOutput()).showSuggestionAfterError(true).configureHelp({ showGlobalOptions: true });
  for (const sub of cmd.commands) inherit(sub, root);
}

/**
 * Top-level commands that can be loaded alone, each from its own module. `help`, `completion` and
 * `complete` read the whole tree, so they are not here. test/cli/program.test.ts checks this list
 * against program.ts.
 */
export const COMMAND_LOADERS: Record<string, (ctx: Context) => Promise<Command>> = {
  run: async (ctx) => (await import('./commands/run/run.js')).runCommand(ctx),
  chat: async (ctx) => (await import('./commands/chat/chat.js')).chatCommand(ctx),
  logs: async (ctx) => (await import('./commands/logs/logs.js')).logsCommand(ctx),
  login: async (ctx) => (await import('./commands/login/login.js')).loginCommand(ctx),
  logout: async (ctx) => (await import('./commands/logout/logout.js')).logoutCommand(ctx),
  profiles: async (ctx) => (await import('./commands/profiles/profiles.js')).profilesCommand(ctx),
  plans: async (ctx) => (await import('./commands/plans/plans.js')).plansCommand(ctx),
  plan: async (ctx) => (await import('./commands/plan/plan.js')).planCommand(ctx),
  payment: async (ctx) => (await import('./commands/payment/payment.js')).paymentCommand(ctx),
  statement: async (ctx) => (await import('./commands/statement/statement.js')).statementCommand(ctx),
  invoice: async (ctx) => (await import('./commands/invoice/invoice.js')).invoiceCommand(ctx),
  balance: async (ctx) => (await import('./commands/balance/balance.js')).balanceCommand(ctx),
  quota: async (ctx) => (await import('./commands/quota/quota.js')).quotaCommand(ctx),
  budget: async (ctx) => (await import('./commands/budget/budget.js')).budgetCommand(ctx),
  usage: async (ctx) => (await import('./commands/usage/usage.js')).usageCommand(ctx),
  models: async (ctx) => (await import('./commands/models/models.js')).modelsCommand(ctx),
  alias: async (ctx) => (await import('./commands/alias/alias.js')).aliasCommand(ctx),
  template: async (ctx) => (await import('./commands/template/template.js')).templateCommand(ctx),
  config: async (ctx) => (await import('./commands/config/config.js')).configCommand(ctx),
  serve: async (ctx) => (await import('./commands/serve/serve.js')).serveCommand(ctx),
  auth: async (ctx) => (await import('./auth-tree.js')).authTree(ctx),
};

/**
 * The program for this command line: the root with the named command alone (when it can be loaded
 * alone), or with stand-ins for every command when none is named (the root's help lists them); the
 * full tree when there is no index or the name is not in it.
 */
export async function programFor(ctx: Context, argv: string[]): Promise<Command> {
  const index = COMMAND_INDEX;
  const word = commandWord(argv.slice(2));
  const named = indexedCommand(word);
  if (!index || (word !== undefined && !(named && COMMAND_LOADERS[named.name]))) return (await import('./program.js')).createProgram(ctx);
  const program = rootCommand(ctx);
  if (named) {
    program.addCommand(await COMMAND_LOADERS[named.name]!(ctx), { hidden: named.hidden });
    inherit(program.commands[0]!, program);
    return program;
  }
  const terms = new Map<Command, string>();
  const defaults = new Help();
  program.configureHelp({ subcommandTerm: (c) => terms.get(c) ?? defaults.subcommandTerm(c) });
  for (const e of index) {
    const standIn = new Command(e.name).description(e.description).aliases(e.aliases);
    terms.set(standIn, e.term);
    program.addCommand(standIn, { hidden: e.hidden });
  }
  for (const cmd of program.commands) inherit(cmd, program);
  return program;
}

/** The index of the full tree's top-level commands, as scripts/bundle.mjs renders it. */
export function commandIndex(program: Command): IndexEntry[] {
  const help = program.createHelp();
  return program.commands.map((c) => ({ name: c.name(), aliases: c.aliases(), term: help.subcommandTerm(c), description: help.subcommandDescription(c), hidden: (c as unknown as { _hidden: boolean })._hidden }));
}
