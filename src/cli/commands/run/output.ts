/** Where the answer goes: stdout, or with `-o FILE` a file written as the answer arrives. */
import { UsageError } from '../../errors.js';
import type { IOStreams } from '../../io/streams.js';

export type FileSink = IOStreams & { close(): void };

/** `-o FILE`: the answer goes to the file, written as it arrives; everything else stays on the terminal. */
export async function fileSink(io: IOStreams, path: string): Promise<FileSink> {
  const { closeSync, openSync, writeSync } = await import('node:fs');
  let fd: number;
  try {
    fd = openSync(path, 'w', 0o644);
  } catch (e) {
    throw new UsageError(`cannot write --output ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  // Not a terminal: the file gets the answer exactly as it came.
  return { ...io, isStdoutTTY: false, out: (s: string) => void writeSync(fd, s), close: () => closeSync(fd) };
}
