/**
 * Runs the built binary on a real pseudo-terminal through util-linux `script`, so prompts, masking
 * and Ctrl-C behave as they do for a person. Bytes written go to the terminal as keystrokes.
 */
import type { ChildProcess } from 'node:child_process';
import { BIN, cleanEnv, exited, spawnTracked } from './procs.js';

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\r/g;

export interface Pty {
  child: ChildProcess;
  /** Everything the terminal showed so far, with escape sequences removed. */
  screen(): string;
  /** Everything the terminal received, escape sequences included. */
  raw(): string;
  /** The lines as a terminal leaves them: what follows the last return to column 1, without escapes. */
  lines(): string[];
  type(keys: string): void;
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  exit(): Promise<number | null>;
}

export function onPty(args: string[], o: { home: string; env?: Record<string, string | undefined>; columns?: number; rows?: number }): Pty {
  // A fresh pty reports no size; give it one, as a real terminal window has.
  const cols = o.columns ?? 120;
  const rows = o.rows ?? 40;
  const command = `stty cols ${cols} rows ${rows} 2>/dev/null; exec ${[process.execPath, BIN, ...args].map(quote).join(' ')}`;
  const child = spawnTracked('script', ['-qfec', command, '/dev/null'], {
    env: cleanEnv(o.home, { TERM: 'xterm-256color', COLUMNS: String(cols), LINES: String(rows), ...o.env }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let raw = '';
  child.stdout!.on('data', (d: Buffer) => (raw += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (raw += d.toString()));
  const screen = () => raw.replace(ANSI, '');
  return {
    child,
    screen,
    raw: () => raw,
    lines: () => raw.split('\n').map((l) => l.split(/\r(?!$)|\x1b\[1G/).at(-1)!.replace(ANSI, '')),
    type: (keys) => void child.stdin!.write(keys),
    waitFor: async (pattern, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(screen())) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; screen:\n${screen()}`);
        if (child.exitCode !== null) throw new Error(`exited (${child.exitCode}) before ${pattern}; screen:\n${screen()}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    exit: async () => (await exited(child)).code,
  };
}

export const KEY = { enter: '\r', ctrlC: '\x03', down: '\x1b[B' } as const;
