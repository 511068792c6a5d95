/** Status lines on stderr: ✓ for done, ! for warnings. `--quiet` silences all but warnings. */
import type { IOStreams } from './streams.js';

export function success(io: IOStreams, quiet: boolean, message: string): void {
  if (!quiet) io.err(`${io.errColor.green('✓')} ${message}\n`);
}

export function note(io: IOStreams, quiet: boolean, message: string): void {
  if (!quiet) io.err(`${message}\n`);
}

export function warn(io: IOStreams, message: string): void {
  io.err(`${io.errColor.yellow('!')} ${message}\n`);
}
