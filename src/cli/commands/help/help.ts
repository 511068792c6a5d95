/** `tokencli help [topic]`: command help, and the topics that belong to no command (exit codes, environment). */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { EXIT_CODES, UsageError } from '../../errors.js';
import type { IOStreams } from '../../io/streams.js';

export const ENVIRONMENT: readonly { name: string; meaning: string }[] = [
  { name: 'TOKENCLI_API_KEY', meaning: 'API key; beats the stored key of the profile' },
  { name: 'TOKENCLI_API_URL', meaning: 'provider base URL; beats the profile\'s' },
  { name: 'TOKENCLI_PROFILE', meaning: 'profile to use when --profile is not given' },
  { name: 'TOKENCLI_HOME', meaning: 'one directory for config, credentials, ledger and server data (overrides the platform paths)' },
  { name: 'TOKENCLI_LEDGER_WAIT', meaning: 'seconds a ledger write waits for another process\'s lock before the run goes to the journal (default 10)' },
  { name: 'TOKENCLI_NO_CODE_CACHE', meaning: 'any value: compile the CLI afresh at every start, without V8\'s code cache in the cache directory' },
  { name: 'TOKENCLI_NO_PROMPT', meaning: 'never ask questions; fail with the flag that answers them' },
  { name: 'CI', meaning: 'set by CI systems: same as TOKENCLI_NO_PROMPT' },
  { name: 'NO_COLOR', meaning: 'no colour when set to a non-empty value' },
  { name: 'FORCE_COLOR', meaning: 'colour even when not a terminal (0 turns it off)' },
  { name: 'HTTPS_PROXY, HTTP_PROXY, NO_PROXY', meaning: 'proxy for outgoing requests' },
];

export const HELP_TOPICS = {
  'exit-codes': () => EXIT_CODES.map((e) => `  ${String(e.code).padStart(3)}  ${e.meaning}`).join('\n'),
  environment: () => ENVIRONMENT.map((e) => `  ${e.name.padEnd(34)} ${e.meaning}`).join('\n'),
} as const;

export interface HelpOptions {
  io: IOStreams;
  topic: string[];
  root: Command;
}

export function helpCommand(ctx: Context, root: Command, runF = helpRun): Command {
  return new Command('help')
    .description(`Show help for a command, or a topic: ${Object.keys(HELP_TOPICS).join(', ')}`)
    .argument('[topic...]', 'a command name or a help topic')
    .addHelpText('after', '\nExamples:\n  $ tokencli help exit-codes\n  $ tokencli help run')
    .action((topic: string[]) => runF({ io: ctx.io, topic, root }));
}

export async function helpRun(opts: HelpOptions): Promise<void> {
  const [first] = opts.topic;
  if (first === undefined) return void opts.io.out(opts.root.helpInformation());
  if (first in HELP_TOPICS) return void opts.io.out(HELP_TOPICS[first as keyof typeof HELP_TOPICS]() + '\n');
  let cmd: Command | undefined = opts.root;
  for (const name of opts.topic) cmd = cmd?.commands.find((c) => c.name() === name || c.aliases().includes(name));
  if (!cmd) throw new UsageError(`no command or help topic "${opts.topic.join(' ')}"`, `topics: ${Object.keys(HELP_TOPICS).join(', ')}; commands: tokencli --help`);
  opts.io.out(cmd.helpInformation());
}
