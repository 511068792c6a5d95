/**
 * Markdown rendered on a terminal while it streams. The renderer itself (markdansi, loaded lazily by
 * the caller) turns a finished piece of markdown into wrapped, styled text; this file decides what
 * is drawn when, so that every token is on the screen as soon as it arrives.
 *
 * The design, in three parts:
 * - Committed text is final and never touched again: every finished block (the lines up to a blank
 *   line, a heading, a fence), and every line of a code block.
 * - The pending region is the block still growing (its finished lines and the partial line after
 *   them), rendered as if it were complete and drawn below the committed text. Each write redraws
 *   it from its first changed row (carriage return, cursor up, clear to the end of the screen), or
 *   only appends when the new rendering extends the last row, which is what most tokens do; so
 *   `**bold` shows raw until its closing `**` arrives, then bold, and a token costs a row at most,
 *   not the block. A code block is framed as it streams: the top rule with the language when the
 *   fence opens, each line behind a `│` when it ends (its partial line is the pending region), the
 *   bottom rule when the fence closes or the answer ends, however it ends (Ctrl-C included).
 * - The renderer wraps at the terminal width between words; rows are counted by display width, so a
 *   redraw never misses a row. A pending region may not be taller than the screen (it could not be
 *   redrawn once it scrolled off): a block that would be is committed as it stands and the rest of
 *   it renders on its own; a single line taller than the screen is committed up to a space.
 *   On a resize (SIGWINCH) nothing drawn is erased, since terminals disagree on how they re-flow
 *   rows: the pending region starts again on a new line at the new width (a stale partial copy may
 *   stay above it), and everything after is laid out at the new width.
 * Until the renderer has loaded (it loads while the request is on its way), the text is the pending
 * region as it came; it is rendered the moment the renderer is there.
 */
import stringWidth from 'string-width';

/** Renders finished markdown at a width; the result may start or end with blank lines. */
export type Render = (markdown: string, width: number) => string;

export interface LiveScreen {
  columns: number;
  rows: number;
}

export interface LiveMarkdownOptions {
  write: (s: string) => void;
  screen: LiveScreen;
  /** Styles the code frame (dim when colour is on, plain when it is off). */
  frame: (s: string) => string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/;
const ERASE_TO_END = '\x1b[J';

export class LiveMarkdown {
  private render: Render | undefined;
  /** Text received before the renderer loaded, shown as it came. */
  private early = '';
  /** Finished source lines of the block still growing. */
  private block = '';
  /** Source after the last newline. */
  private partial = '';
  private fence: { marker: string } | undefined;
  /** The pending region's lines as drawn; the cursor is at the end of the last ([''] when none). */
  private shown = [''];
  /** Whether anything was committed, and whether the last thing committed was a blank line. */
  private started = false;
  private blankLast = false;
  private screen: LiveScreen;

  constructor(private readonly o: LiveMarkdownOptions) {
    this.screen = o.screen;
  }

  /** The renderer is there: what arrived meanwhile is rendered now. */
  ready(render: Render): void {
    this.render = render;
    const early = this.early;
    this.early = '';
    this.push(early);
  }

  write(text: string): void {
    if (!this.render) {
      this.early += text;
      this.o.write(this.update('', this.early));
      return;
    }
    this.push(text);
  }

  /** The terminal changed size: keep what is drawn, lay out the rest at the new width. */
  resize(screen: LiveScreen): void {
    const leave = this.shown.length > 1 || this.shown[0] ? '\n' : '';
    this.shown = [''];
    this.screen = screen;
    this.o.write(leave);
    if (this.render) this.push('');
    else this.o.write(this.update('', this.early));
  }

  /** The answer ended (or was stopped): the last block and an open code frame are committed. */
  finish(): void {
    if (!this.render) {
      // The renderer never came: the text stays as it came.
      this.o.write(this.update(this.early && !this.early.endsWith('\n') ? `${this.early}\n` : this.early, ''));
      this.early = '';
      return;
    }
    let committed = this.partial ? this.line(this.partial) : '';
    this.partial = '';
    committed += this.commitBlock();
    if (this.fence) committed += this.frameBottom();
    this.fence = undefined;
    this.o.write(this.update(committed, ''));
  }

  private get width(): number {
    return Math.max(10, this.screen.columns);
  }

  /** The tallest pending region that can still be erased: the screen less the row the cursor needs. */
  private get maxRows(): number {
    return Math.max(1, this.screen.rows - 2);
  }

  private push(text: string): void {
    this.partial += text;
    let committed = '';
    for (let nl = this.partial.indexOf('\n'); nl >= 0; nl = this.partial.indexOf('\n')) {
      const line = this.partial.slice(0, nl);
      this.partial = this.partial.slice(nl + 1);
      committed += this.line(line);
    }
    const [more, pending] = this.pending();
    this.o.write(this.update(committed + more, pending));
  }

  /**
   * What turns the drawn pending region into `committed` (final, ending in a newline) followed by
   * the new pending region: from the first line that differs, or only the new end of the last one.
   */
  private update(committed: string, pending: string): string {
    const old = this.shown;
    const next = (committed + pending).split('\n');
    this.shown = pending.split('\n');
    let k = 0;
    while (k < old.length && k < next.length && old[k] === next[k]) k++;
    if (k === old.length && k === next.length) return '';
    const more = (from: number) => next.slice(from).map((l) => `\n${l}`).join('');
    // Only more at the end (new lines, or the last line longer): no row is redrawn.
    if (k === old.length) return more(k);
    if (k === old.length - 1 && k < next.length && next[k]!.startsWith(old[k]!)) return next[k]!.slice(old[k]!.length) + more(k + 1);
    k = Math.min(k, next.length - 1);
    const up = old.slice(k).reduce((rows, line) => rows + this.rowsOf(line), 0) - 1;
    return `\r${up > 0 ? `\x1b[${up}A` : ''}${ERASE_TO_END}${next.slice(k).join('\n')}`;
  }

  /** One finished source line: what it commits. */
  private line(line: string): string {
    if (this.fence) {
      if (line.trim().startsWith(this.fence.marker) && line.trim().replaceAll(this.fence.marker[0]!, '') === '') {
        this.fence = undefined;
        return this.frameBottom();
      }
      return this.commit(this.codeLine(line));
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const out = this.commitBlock();
      this.fence = { marker: fence[1]! };
      return out + this.commit(this.frameTop(fence[2] ?? ''));
    }
    if (!line.trim()) {
      const out = this.commitBlock();
      if (!this.started || this.blankLast) return out;
      this.blankLast = true;
      return out + '\n';
    }
    this.block += `${line}\n`;
    // A heading is a block of its own; a block taller than the screen is committed as it stands.
    if (/^ {0,3}#{1,6}\s/.test(line) || this.rowsOf(this.rendered(this.block)) > this.maxRows) return this.commitBlock();
    return '';
  }

  /** The pending region, and what had to be committed because it did not fit on the screen. */
  private pending(): [committed: string, pending: string] {
    if (this.fence) return ['', this.partial ? this.codeLine(this.partial) : ''];
    let text = this.rendered(this.block + this.partial);
    if (this.rowsOf(text) <= this.maxRows) return ['', text];
    let out = this.commitBlock();
    text = this.rendered(this.partial);
    while (this.rowsOf(text) > this.maxRows) {
      // One line taller than the screen: commit it up to a space, so no word is cut.
      const cut = this.partial.lastIndexOf(' ', Math.floor(this.partial.length / 2)) + 1 || Math.floor(this.partial.length / 2);
      out += this.commit(this.rendered(this.partial.slice(0, cut)));
      this.partial = this.partial.slice(cut);
      text = this.rendered(this.partial);
    }
    return [out, text];
  }

  private commitBlock(): string {
    if (!this.block) return '';
    const text = this.rendered(this.block);
    this.block = '';
    return this.commit(text);
  }

  private commit(text: string): string {
    if (!text) return '';
    this.started = true;
    this.blankLast = false;
    return `${text}\n`;
  }

  private rendered(markdown: string): string {
    if (!markdown.trim()) return '';
    return this.render!(markdown, this.width).replace(/^\n+/, '').replace(/\s+$/, '');
  }

  private codeLine(line: string): string {
    const bar = this.o.frame('│ ');
    // Rendered as a one-line fence: the renderer's code style, wrapped to fit beside the bar.
    const body = line.trim() ? this.render!(`\`\`\`\n${line}\n\`\`\``, this.width - 2).replace(/^\n+/, '').replace(/\n+$/, '') : '';
    return body.split('\n').map((row) => bar + row).join('\n');
  }

  private frameTop(lang: string): string {
    const label = lang ? `─ ${lang} ` : '';
    return this.o.frame(`┌${label}${'─'.repeat(Math.max(1, this.width - 1 - stringWidth(label)))}`);
  }

  private frameBottom(): string {
    return this.commit(this.o.frame(`└${'─'.repeat(this.width - 1)}`));
  }

  /** Rows the text takes on the screen: a line wider than the screen wraps onto more. */
  private rowsOf(text: string): number {
    return text.split('\n').reduce((rows, line) => rows + Math.max(1, Math.ceil(stringWidth(line) / this.width)), 0);
  }
}
