/**
 * What a terminal of a given size shows after some output, cursor moves and erases included: the
 * bytes are played into a headless xterm, and its screen and scrollback are read back as lines.
 */
import xterm from '@xterm/headless';

export function screenOf(output: string, columns: number, rows: number): Promise<string[]> {
  const term = new xterm.Terminal({ cols: columns, rows, scrollback: 10_000, allowProposedApi: true });
  // A pty turns \n into \r\n; output captured elsewhere has bare \n.
  const bytes = output.replace(/\r?\n/g, '\r\n');
  return new Promise((resolve) =>
    term.write(bytes, () => {
      const buffer = term.buffer.active;
      const lines = Array.from({ length: buffer.length }, (_, i) => buffer.getLine(i)!.translateToString(true));
      while (lines.length && !lines.at(-1)) lines.pop();
      term.dispose();
      resolve(lines);
    }),
  );
}
