/** Runs the built `tokencli` binary as a user would, with a clean environment and its own home. */
import { BIN, cleanEnv, exited, spawnTracked, tempDir } from './procs.js';

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  home?: string;
  env?: Record<string, string | undefined>;
  /** Text piped to stdin; without it stdin is empty (closed), as in CI. */
  input?: string;
}

export async function tokencli(args: string[], o: CliOptions = {}): Promise<CliResult> {
  const home = o.home ?? tempDir('tokencli-home-');
  const child = spawnTracked(process.execPath, [BIN, ...args], { env: cleanEnv(home, o.env), stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  // Decoded as a stream: a character split between two pipe reads stays one character.
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  // A command may rightly stop reading before the input ends (a size limit): that is not an error here.
  child.stdin!.on('error', () => {});
  child.stdin!.end(o.input ?? '');
  const { code, signal } = await exited(child);
  return { code, signal, stdout, stderr };
}

/** A tokencli bound to one home directory, so a sequence of commands shares config and ledger. */
export function userAt(home = tempDir('tokencli-home-'), env: Record<string, string | undefined> = {}) {
  return {
    home,
    run: (args: string[], o: Omit<CliOptions, 'home'> = {}) => tokencli(args, { ...o, home, env: { ...env, ...o.env } }),
  };
}
