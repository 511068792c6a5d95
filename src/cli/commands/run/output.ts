/**
 * Where the answer goes: stdout as it came, stdout rendered as markdown (a terminal, unless --raw),
 * or with `-o FILE` a file written as the answer arrives.
 */
import { UsageError } from '../../errors.js';
import { loadRenderer } from '../../io/markdown/renderer.js';
import type { Screen } from '../../io/markdown/screen.js';
import type { IOStreams } from '../../io/streams.js';

/** A sink to close when the answer has ended, however it ended. */
export type AnswerSink = IOStreams & { close(): void | Promise<void> };

/** `-o FILE`: the answer goes to the file, written as it arrives; everything else stays on the terminal. */
export async function fileSink(io: IOStreams, path: string): Promise<AnswerSink> {
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

/**
 * On a terminal, the answer rendered as markdown while it streams (see io/markdown/live.ts). The
 * renderer is loaded here and only here, and not waited for: it loads while the request is on its
 * way, and text that comes first is shown as it came until it can be rendered.
 */
export async function markdownSink(io: IOStreams, screen: Screen): Promise<AnswerSink> {
  const { LiveMarkdown } = await import('../../io/markdown/live.js');
  const live = new LiveMarkdown({ write: (s) => io.out(s), screen: { columns: screen.columns, rows: screen.rows }, frame: (s) => io.color.dim(s) });
  const loaded = loadRenderer(io.color.level > 0).then(
    (render) => live.ready(render),
    // Without its renderer the answer is still shown, as it came.
    () => undefined,
  );
  const stopListening = screen.onResize((size) => live.resize(size));
  return {
    ...io,
    out: (s: string) => live.write(s),
    // An answer quicker than the renderer's load is on the screen already; it is rendered before the run ends.
    close: async () => {
      stopListening();
      await loaded;
      live.finish();
    },
  };
}

