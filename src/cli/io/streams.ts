/**
 * Everything a command knows about the terminal, in one injected object (after gh's IOStreams):
 * stdout is for data only; messages, spinners, usage lines and warnings go to stderr.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { fstatSync, readSync } from 'node:fs';
import { isatty } from 'node:tty';

export interface Spinner {
  stop(): void;
}

export interface IOStreams {
  readonly isStdinTTY: boolean;
  readonly isStdoutTTY: boolean;
  readonly isStderrTTY: boolean;
  /** The terminal's width, when stdout is one that reports it: tables fit it. */
  readonly stdoutColumns: number | undefined;
  /** Piped tables begin with a row of field names (off with --no-header). */
  readonly pipedHeader: boolean;
  /** Colours for stdout and for stderr; both no-ops when colour is off for that stream. */
  readonly color: ChalkInstance;
  readonly errColor: ChalkInstance;
  /** Aborts when the reader of stdout goes away (EPIPE), so long work can stop early. */
  readonly stdoutClosed: AbortSignal;
  out(s: string): void;
  err(s: string): void;
  /** Whether anything has been written to stdout: an error under --json is a document only if not. */
  stdoutUsed(): boolean;
  /** Whether a question may be asked: both ends are terminals and nothing forbids prompting. */
  canPrompt(): boolean;
  /** Reads all of stdin (only meaningful when it is not a terminal). */
  readStdin(): Promise<string>;
  /** A spinner on stderr, shown only when stdout and stderr are terminals. */
  spinner(label: string): Spinner;
}

export interface ColorEnv {
  NO_COLOR?: string | undefined;
  FORCE_COLOR?: string | undefined;
}

/** FORCE_COLOR beats NO_COLOR beats the terminal check; `--no-color` beats them all. */
export function colorLevel(env: ColorEnv, isTTY: boolean, noColorFlag: boolean): 0 | 1 | 2 | 3 {
  if (noColorFlag) return 0;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') {
    const n = Number(env.FORCE_COLOR);
    if (env.FORCE_COLOR === 'false' || n === 0) return 0;
    return Number.isInteger(n) && n >= 1 && n <= 3 ? (n as 1 | 2 | 3) : 1;
  }
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  return isTTY ? 1 : 0;
}

export interface SystemIOOptions {
  env: Record<string, string | undefined>;
  noColor: boolean;
  noHeader: boolean;
  /** Made only when read: creating process.stdin costs every start-up, and most never read it. */
  stdin: () => NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export function systemIO(o: SystemIOOptions): IOStreams {
  const isStdinTTY = isatty(0);
  const isStdoutTTY = o.stdout.isTTY === true;
  const isStderrTTY = o.stderr.isTTY === true;
  const closed = new AbortController();
  // A reader that went away (EPIPE) or a terminal that closed (EIO after SIGHUP) ends output, not
  // the process: an unhandled 'error' here once killed a run before it could be recorded.
  o.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'EIO') closed.abort();
  });
  o.stderr.on('error', () => {});
  const neverPrompt = truthy(o.env.CI) || truthy(o.env.TOKENCLI_NO_PROMPT);
  let used = false;
  return {
    isStdinTTY,
    isStdoutTTY,
    isStderrTTY,
    stdoutColumns: isStdoutTTY && o.stdout.columns > 0 ? o.stdout.columns : undefined,
    pipedHeader: !o.noHeader,
    color: new Chalk({ level: colorLevel(o.env, isStdoutTTY, o.noColor) }),
    errColor: new Chalk({ level: colorLevel(o.env, isStderrTTY, o.noColor) }),
    stdoutClosed: closed.signal,
    out: (s) => {
      used ||= s.length > 0;
      if (!closed.signal.aborted) o.stdout.write(s);
    },
    err: (s) => void o.stderr.write(s),
    stdoutUsed: () => used,
    canPrompt: () => isStdinTTY && isStdoutTTY && !neverPrompt,
    readStdin: async () => (isStdinTTY ? readAtMost(o.stdin(), MAX_STDIN_BYTES) : (readNowAtMost(0, MAX_STDIN_BYTES) ?? readAtMost(o.stdin(), MAX_STDIN_BYTES))),
    spinner: (label) => {
      // A terminal that reports no width (a bare pty) would send ora's redraw arithmetic astray.
      if (!(isStdoutTTY && isStderrTTY) || !(o.stderr.columns > 0)) return { stop: () => {} };
      return startSpinner(label, o.stderr);
    },
  };
}

/** More than this on stdin is a mistake (`< /dev/zero`), not a prompt: refused before memory runs out. */
export const MAX_STDIN_BYTES = 16 * 1024 * 1024;

export class StdinTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`standard input is larger than ${limit / 1024 / 1024} MiB`);
    this.name = 'StdinTooLargeError';
  }
}

/** /dev/null, /dev/zero, /dev/full, /dev/random and /dev/urandom as Linux numbers them: a read never waits (/dev/kmsg, beside them, does). */
const NEVER_WAITING_DEVICES = new Set([0x103, 0x105, 0x107, 0x108, 0x109]);

/**
 * A file or a device such as /dev/null on `fd`, read at once: nothing there can keep the
 * reader waiting, and no stream need be made (a run with `< /dev/null`, as CI and `ssh -n` give,
 * saves a millisecond or two). Undefined for anything else (a pipe, a socket, a FIFO, a device
 * that may block such as /dev/kmsg), which is read as a stream that Ctrl-C can interrupt.
 */
function readNowAtMost(fd: number, limit: number): string | undefined {
  let stat;
  try {
    stat = fstatSync(fd);
  } catch {
    return undefined;
  }
  const neverWaits = process.platform === 'linux' && stat.isCharacterDevice() && NEVER_WAITING_DEVICES.has(stat.rdev);
  if (!stat.isFile() && !neverWaits) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(64 * 1024);
    const n = readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) return Buffer.concat(chunks, size).toString('utf8');
    size += n;
    if (size > limit) throw new StdinTooLargeError(limit);
    chunks.push(chunk.subarray(0, n));
  }
}

async function readAtMost(stream: NodeJS.ReadableStream, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > limit) {
      (stream as NodeJS.ReadStream).destroy?.();
      throw new StdinTooLargeError(limit);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** ora is loaded only when a spinner is actually shown, so other paths never pay for it. */
function startSpinner(label: string, stream: NodeJS.WriteStream): Spinner {
  let spinner: { stop(): unknown } | undefined;
  let stopped = false;
  void import('ora').then(({ default: ora }) => {
    if (!stopped) spinner = ora({ text: label, stream, discardStdin: false }).start();
  });
  return {
    stop: () => {
      stopped = true;
      spinner?.stop();
    },
  };
}

const truthy = (v: string | undefined) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';

export interface TestIO {
  io: IOStreams;
  stdout(): string;
  stderr(): string;
  closeStdout(): void;
}

/** IOStreams over in-memory buffers for tests: not a terminal unless asked, colour off. */
export function testIO(o: { stdin?: string; tty?: boolean; canPrompt?: boolean; columns?: number; header?: boolean } = {}): TestIO {
  const out: string[] = [];
  const err: string[] = [];
  const closed = new AbortController();
  const tty = o.tty ?? false;
  const plain = new Chalk({ level: 0 });
  return {
    io: {
      isStdinTTY: tty,
      isStdoutTTY: tty,
      isStderrTTY: tty,
      stdoutColumns: tty ? (o.columns ?? 120) : undefined,
      pipedHeader: o.header ?? true,
      color: plain,
      errColor: plain,
      stdoutClosed: closed.signal,
      out: (s) => void out.push(s),
      err: (s) => void err.push(s),
      stdoutUsed: () => out.length > 0,
      canPrompt: () => o.canPrompt ?? tty,
      readStdin: async () => o.stdin ?? '',
      spinner: () => ({ stop: () => {} }),
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
    closeStdout: () => closed.abort(),
  };
}
