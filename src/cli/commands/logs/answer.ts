/**
 * An answer from the history shown as `run` shows one: on a terminal, control sequences made
 * visible and, unless --raw or `config set render off`, rendered as markdown at the terminal's
 * width (whole, not streamed); piped, or with --raw, exactly as it was stored.
 */
import { stdoutScreen } from '../../io/markdown/screen.js';
import type { IOStreams } from '../../io/streams.js';
import { visibleControls } from '../../io/terminal-text.js';
import type { Context } from '../../context.js';

export interface AnswerView {
  /** On a terminal and not --raw: control sequences are shown, not executed. */
  safe: boolean;
  /** Render as markdown at this many columns; absent for the text as it came. */
  markdownColumns?: number;
}

export async function answerView(ctx: Context, raw: boolean): Promise<AnswerView> {
  const safe = ctx.io.isStdoutTTY && !raw;
  if (!safe || (await ctx.profile())?.render === 'off') return { safe };
  return { safe, markdownColumns: stdoutScreen(process.stdout).columns };
}

/** The answer as it is to be printed, ending in a newline. */
export async function shownAnswer(io: IOStreams, answer: string, view: AnswerView): Promise<string> {
  const text = view.safe ? visibleControls(answer) : answer;
  if (view.markdownColumns === undefined) return text.endsWith('\n') ? text : `${text}\n`;
  const { renderWhole } = await import('../../io/markdown/whole.js');
  return renderWhole(text, { columns: view.markdownColumns, color: io.color.level > 0, frame: (s) => io.color.dim(s) });
}
