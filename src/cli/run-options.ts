/**
 * RunOptions from the context and the flags: what `run` and `chat` both send a prompt with. Flags
 * beat a template, which beats the profile; an alias stands for its model wherever one is named.
 */
import type { TokenClient } from '../client/client.js';
import type { Template } from '../config/templates.js';
import type { Ledger } from '../ledger/ledger.js';
import { shellAlertRunner, type AlertRunner } from './budget-enforcement.js';
import type { Context } from './context.js';
import { UsageError } from './errors.js';
import { parseParams } from './flags.js';
import type { IOStreams } from './io/streams.js';
import type { ProviderCache } from './provider-cache.js';
import { stdoutScreen, type Screen } from './io/markdown/screen.js';

export interface RunOptions {
  io: IOStreams;
  client: () => Promise<TokenClient>;
  /** The ledger for writing; when it cannot be opened, `readLedger` still answers the budget check. */
  ledger: () => Promise<Ledger>;
  readLedger: () => Promise<Ledger>;
  journalFile: string;
  providerCache: () => Promise<ProviderCache>;
  profile: string;
  provider: string;
  apiUrl: string;
  account: () => Promise<string>;
  model?: string;
  args: string[];
  files: string[];
  system?: string;
  maxTokens?: number;
  temperature?: number;
  stream: boolean;
  json: boolean;
  usage: boolean;
  dryRun: boolean;
  force: boolean;
  quiet: boolean;
  raw: boolean;
  /** Stdout's terminal, when it is one: an answer shown there is rendered as markdown if `render`. */
  screen?: Screen;
  /** Render the answer as markdown on a terminal: not under --raw or `config set render off`. */
  render: boolean;
  /** Read no stdin at all (`-n`), so a `while read` loop keeps its input. */
  readStdin: boolean;
  /** Write the answer to this file instead of stdout. */
  output?: string;
  /** -t: a template whose prompt wraps the input; its parameters from -p. */
  template?: Template;
  params: Record<string, string>;
  /** -c / --cid: continue a conversation from the history. */
  conversation: ConversationChoice;
  /** Keep the prompt and answer in the history (`config set history off` keeps counts only). */
  keepHistory: boolean;
  /** Aborts on Ctrl-C, SIGTERM or SIGHUP, with the signal's name as the reason. */
  interrupt: AbortSignal;
  now: () => Date;
  pid: number;
  timeZone: () => Promise<string>;
  runAlert: AlertRunner;
}

export interface ConversationChoice {
  /** Continue the profile's most recent conversation. */
  continueLast: boolean;
  /** Continue this one. */
  id?: string;
  /** Start a new conversation under this id (the chat names its conversation before the first turn). */
  newId?: string;
}

/** The flags of `run`, as commander parses them. */
export interface RunFlags {
  model?: string;
  system?: string;
  file: string[];
  maxTokens?: number;
  temperature?: number;
  stream: boolean;
  usage: boolean;
  dryRun: boolean;
  force: boolean;
  raw: boolean;
  stdin: boolean;
  output?: string;
  continue: boolean;
  cid?: string;
  template?: string;
  param: string[];
}

export async function runOptionsFor(ctx: Context, args: string[], flags: RunFlags, interrupt: AbortSignal): Promise<RunOptions> {
    const profile = await ctx.profile();
    const templates = flags.template === undefined ? undefined : await ctx.templates();
    const template = flags.template === undefined ? undefined : templates!.get(flags.template);
    if (flags.template !== undefined && !template) throw new UsageError(`no template "${flags.template}"`, `templates: ${templates!.names().join(', ') || 'none yet'} (see \`tokencli template\`)`);
    // Flags beat the template, which beats the profile; an alias stands for its model wherever a model is named.
    const model = flags.model ?? template?.model ?? profile?.model;
  return {
    io: ctx.io,
    // A dry run sends no chat request: it needs no key (a Token Plan model list is public).
    client: () => ctx.client({ requireKey: !flags.dryRun }),
    ledger: ctx.ledger,
    readLedger: ctx.readLedger,
    journalFile: ctx.journalFile,
    providerCache: ctx.providerCache,
    profile: await ctx.profileName(),
    provider: profile?.provider ?? 'tokenplan',
    apiUrl: await ctx.apiUrl(),
    account: ctx.account,
    ...definedOnly({
      model: model === undefined ? undefined : ctx.aliases().resolve(model),
      system: flags.system ?? template?.system,
      maxTokens: flags.maxTokens ?? template?.max_tokens,
      temperature: flags.temperature ?? template?.temperature,
      template,
    }),
    params: parseParams(flags.param, '--param'),
    args,
    files: flags.file,
    stream: flags.stream,
    json: ctx.globals.json,
    usage: flags.usage,
    dryRun: flags.dryRun,
    force: flags.force,
    quiet: ctx.globals.quiet,
    raw: flags.raw,
    ...(ctx.io.isStdoutTTY ? { screen: stdoutScreen(process.stdout) } : {}),
    render: !flags.raw && profile?.render !== 'off',
    readStdin: flags.stdin,
    ...(flags.output !== undefined ? { output: flags.output } : {}),
    conversation: { continueLast: flags.continue, ...(flags.cid !== undefined ? { id: flags.cid } : {}) },
    keepHistory: profile?.history !== 'off',
    interrupt,
    now: ctx.now,
    pid: process.pid,
    timeZone: ctx.timeZone,
    runAlert: shellAlertRunner(ctx.env),
  };
}

export function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
