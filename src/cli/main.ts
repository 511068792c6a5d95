/**
 * The entry point: builds the context and the program, runs it, and maps whatever was thrown to an
 * exit code. The only place in the CLI that decides how the process ends.
 */
import { readFileSync } from 'node:fs';
import { AbortedError } from '../client/errors.js';
import { createContext } from './context.js';
import { describeError, errorDocument, Exit, StdoutClosedError } from './errors.js';
import { inquirerPrompter } from './io/prompter.js';
import { visibleControls } from './io/terminal-text.js';
import { systemIO } from './io/streams.js';
import { programFor } from './root.js';

/** Put in place by scripts/bundle.mjs; absent when running from dist/ or src/. */
declare const TOKENCLI_VERSION: string | undefined;
const version = typeof TOKENCLI_VERSION === 'undefined' ? (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version : TOKENCLI_VERSION;

export async function main(argv: string[]): Promise<void> {
  const env = process.env;
  const io = systemIO({ env, noColor: argv.includes('--no-color'), noHeader: argv.includes('--no-header'), stdin: () => process.stdin, stdout: process.stdout, stderr: process.stderr });
  const ctx = createContext({ io, prompter: inquirerPrompter(process.stderr), env, version, openLedger: async (file, o) => (await import('../ledger/ledger.js')).Ledger.open(file, o) });
  try {
    const program = await programFor(ctx, argv);
    // Bare `tokencli` is a request for help, not a mistake (as with gh).
    if (argv.length <= 2) io.out(program.helpInformation());
    else await program.parseAsync(argv);
    process.exitCode = Exit.OK;
  } catch (e) {
    // A reader that went away (`| head`) ends the program quietly, but only the failures it caused:
    // a run that could not be recorded must still say so.
    const error = io.stdoutClosed.aborted && causedByClosedStdout(e) ? new StdoutClosedError() : e;
    const described = describeError(error, ctx.globals.debug);
    const { exitCode, lines } = described;
    // Under --json a script reads stdout: the error is a document there too, unless the command
    // already printed its own (a gate that failed prints the balance with `ok: false`).
    const doc = (ctx.globals.json || argv.includes('--json')) && !io.stdoutUsed() ? errorDocument(error, described) : undefined;
    if (doc) io.out(JSON.stringify(doc, null, 2) + '\n');
    // A server's message must not drive the terminal either.
    const shown = io.isStderrTTY ? lines.map(visibleControls) : lines;
    const [first, ...rest] = shown;
    if (first !== undefined) io.err(`${io.errColor.red('error:')} ${first}\n`);
    for (const line of rest) io.err(`${io.errColor.dim(line)}\n`);
    process.exitCode = exitCode;
  }
  // A clean close checkpoints the ledger's WAL into ledger.db, so the one file is the whole history.
  await ctx.close();
  // Idle keep-alive sockets or an unread stdin must not hold the process open once the work is done.
  process.stdout.write('', () => process.exit());
}

/** Failures that are only the echo of stdout closing: aborted requests, EPIPE. */
function causedByClosedStdout(e: unknown): boolean {
  return e instanceof StdoutClosedError || e instanceof AbortedError || (e as NodeJS.ErrnoException)?.code === 'EPIPE' || (e as NodeJS.ErrnoException)?.code === 'EIO';
}
