/**
 * `tokencli chat`: a conversation at a terminal. Each question is a `run` continuing the chat's
 * conversation (its own ledger row, its usage line after the answer). Ctrl-C stops the answer being
 * written and keeps the session; Ctrl-D leaves. A line ending in "\" continues on the next one.
 * Without a terminal it refuses and points at `run -c`, which scripts use instead.
 *
 * It imports `run` itself, against the rule that commands keep to their folders: a chat is `run` in
 * a loop, and a copy of its order (budget, write-ahead row, request, record) would drift.
 */
import { randomUUID } from 'node:crypto';
import type { Interface } from 'node:readline';
import { Command, Option } from 'commander';
import type { Context } from '../../context.js';
import { describeError, InterruptedError, UsageError } from '../../errors.js';
import { positiveInteger, temperature } from '../../flags.js';
import { note } from '../../io/messages.js';
import type { IOStreams } from '../../io/streams.js';
import type { RunOptions } from '../../run-options.js';
import { runOptionsFor, type RunFlags } from '../../run-options.js';
import { runRun } from '../run/run.js';

export interface ChatOptions {
  io: IOStreams;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  conversationId: string;
  continuing: boolean;
  /** The options of one turn: the question, and the signal that stops its answer. */
  turn: (question: string, interrupt: AbortSignal) => Promise<RunOptions>;
}

export function chatCommand(ctx: Context, runF = chatRun): Command {
  return new Command('chat')
    .description('A conversation at a terminal: each question a run continuing it, Ctrl-C stops an answer, Ctrl-D leaves')
    .option('-m, --model <id>', 'model (or alias) to use')
    .option('-s, --system <text>', 'system prompt')
    .addOption(new Option('--max-tokens <n>', 'most completion tokens per answer').argParser(positiveInteger('--max-tokens')))
    .addOption(new Option('--temperature <t>', 'sampling temperature, 0 to 2').argParser(temperature))
    .option('--cid <id>', 'continue this conversation (see `tokencli logs`)')
    .option('--raw', 'print answers as they come, without rendering their markdown', false)
    .addHelpText('after', '\nExamples:\n  $ tokencli chat -m demo-mini\n  $ tokencli chat --cid 7c1e…\n\nIn a script, use `tokencli run -c` to continue a conversation instead.')
    .action(async (flags: { model?: string; system?: string; maxTokens?: number; temperature?: number; cid?: string; raw: boolean }) => {
      const conversationId = flags.cid ?? randomUUID();
      const base: RunFlags = { file: [], stream: true, usage: false, dryRun: false, force: false, raw: flags.raw, stdin: false, continue: false, param: [], ...definedFlags(flags) };
      await runF({
        io: ctx.io,
        input: process.stdin,
        output: process.stderr,
        conversationId,
        continuing: flags.cid !== undefined,
        // Every turn continues the chat's conversation, which its first kept turn starts.
        turn: async (question, interrupt) => ({
          ...(await runOptionsFor(ctx, [question], base, interrupt)),
          conversation: { continueLast: false, id: conversationId, ...(flags.cid === undefined ? { newId: conversationId } : {}) },
        }),
      });
    });
}

const definedFlags = (f: { model?: string; system?: string; maxTokens?: number; temperature?: number }) =>
  Object.fromEntries(Object.entries({ model: f.model, system: f.system, maxTokens: f.maxTokens, temperature: f.temperature }).filter(([, v]) => v !== undefined));

export async function chatRun(opts: ChatOptions): Promise<void> {
  if (!opts.io.canPrompt()) throw new UsageError('chat needs a terminal', 'from a script, continue a conversation with `tokencli run -c "..."`');
  // Loaded here, not with the module: the bundle may merge chat into a chunk other commands load.
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: opts.input, output: opts.output, prompt: '> ' });
  let answering: AbortController | undefined;
  rl.on('SIGINT', () => {
    if (answering) return answering.abort('SIGINT');
    // Idle: forget the line being typed, as a shell does.
    rl.write('', { ctrl: true, name: 'u' });
    opts.output.write('\n(Ctrl-D leaves)\n');
    rl.prompt();
  });
  note(opts.io, false, `chat ${opts.conversationId}${opts.continuing ? ' (continued)' : ''}: Ctrl-C stops an answer, Ctrl-D leaves, a line ending in \\ goes on`);
  for (;;) {
    const question = await ask(rl);
    if (question === undefined) break;
    if (!question.trim()) continue;
    answering = new AbortController();
    try {
      await runRun(await opts.turn(question, answering.signal));
    } catch (e) {
      // An answer stopped or refused ends the turn, not the session.
      const [line, hint] = describeError(e).lines;
      if (line) opts.io.err(`${e instanceof InterruptedError ? '' : 'error: '}${line}\n${hint ? `${hint}\n` : ''}`);
    } finally {
      answering = undefined;
    }
  }
  rl.close();
}

/** One question, over as many lines as end in "\"; undefined at Ctrl-D. */
function ask(rl: Interface): Promise<string | undefined> {
  return new Promise((resolve) => {
    const lines: string[] = [];
    const onClose = () => resolve(lines.length ? lines.join('\n') : undefined);
    rl.once('close', onClose);
    const onLine = (line: string) => {
      if (line.endsWith('\\')) {
        lines.push(line.slice(0, -1));
        rl.setPrompt('… ');
        rl.prompt();
        return;
      }
      lines.push(line);
      rl.off('line', onLine);
      rl.off('close', onClose);
      rl.setPrompt('> ');
      resolve(lines.join('\n'));
    };
    rl.on('line', onLine);
    rl.prompt();
  });
}
