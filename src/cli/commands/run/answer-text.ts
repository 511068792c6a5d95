/**
 * What a run keeps of its answer while it streams, so that a long answer costs no more memory than
 * a short one: its length and last character, its start (what a local estimate counts when the
 * server sent no usage), and the whole text only when --json prints it. Each piece also goes on to
 * `onText` (the history's writer), which keeps what it needs.
 */

/** The start of the answer kept for a local estimate: the whole of nearly every answer. */
export const SAMPLE_CHARS = 256 * 1024;

export class AnswerText {
  /** Characters received. */
  length = 0;
  private last = '';
  private sampled: string[] = [];
  private sampledChars = 0;
  private readonly whole: string[] | undefined;

  constructor(
    keepWhole: boolean,
    private readonly onText?: (text: string) => void,
  ) {
    this.whole = keepWhole ? [] : undefined;
  }

  add(text: string): void {
    if (!text) return;
    this.length += text.length;
    this.last = text;
    this.whole?.push(text);
    if (this.sampledChars < SAMPLE_CHARS) {
      const piece = text.slice(0, SAMPLE_CHARS - this.sampledChars);
      this.sampled.push(piece);
      this.sampledChars += piece.length;
    }
    this.onText?.(text);
  }

  get endsWithNewline(): boolean {
    return this.last.endsWith('\n');
  }

  /** The whole answer: kept only when asked for (--json). */
  get content(): string {
    if (!this.whole) throw new Error('the answer was not kept whole');
    const text = this.whole.join('');
    this.whole.splice(0, this.whole.length, text);
    return text;
  }

  /** The answer's first SAMPLE_CHARS characters (all of it, when it is no longer). */
  get sample(): string {
    const text = this.sampled.join('');
    this.sampled = [text];
    return text;
  }
}
