/** The terminal stdout is, for laying out an answer: its size now, and its resizes (SIGWINCH). */
import type { LiveScreen } from './live.js';

export interface Screen extends LiveScreen {
  onResize(listener: (screen: LiveScreen) => void): () => void;
}

/** From the stream that writes to the terminal; a terminal that reports no size is taken as 80×24. */
export function stdoutScreen(stdout: NodeJS.WriteStream): Screen {
  const size = () => ({ columns: stdout.columns > 0 ? stdout.columns : 80, rows: stdout.rows > 0 ? stdout.rows : 24 });
  return {
    ...size(),
    onResize: (listener) => {
      const onResize = () => listener(size());
      stdout.on('resize', onResize);
      return () => void stdout.off('resize', onResize);
    },
  };
}
