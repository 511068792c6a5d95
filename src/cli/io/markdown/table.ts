/**
 * Markdown tables laid out for the terminal by us rather than by markdansi: markdansi cuts a cell
 * that does not fit with "…" (or, told not to, lets a long word or a line of CJK run past its
 * column and the screen). An answer's text is never dropped here: every cell wraps inside its
 * column, between words where it can and inside a word (a URL, CJK text) where it must, and the
 * table fits the width whenever each column can keep two cells of width (one CJK character).
 */
import { wrapAnsi } from 'fast-wrap-ansi';
import type { Tokens } from 'marked';
import stringWidth from 'string-width';

/** Renders a cell's inline markdown (bold, code, links) as styled text on one line. */
export type InlineRender = (markdown: string) => string;

/** Two cells: room for one wide (CJK) character, so that hard wrapping always makes progress. */
const MIN_COLUMN = 2;

const BOX = { top: ['┌', '┬', '┐'], mid: ['├', '┼', '┤'], bottom: ['└', '┴', '┘'], line: '─', bar: '│' } as const;

export function renderTable(table: Tokens.Table, width: number, inline: InlineRender, heading: (s: string) => string): string {
  const rows = [table.header, ...table.rows].map((row, r) => row.map((cell) => (r === 0 ? heading(inline(cell.text)) : inline(cell.text))));
  const count = table.header.length;
  const widths = Array.from({ length: count }, (_, i) => Math.max(1, ...rows.map((row) => stringWidth(row[i] ?? ''))));
  fitColumns(widths, width - (3 * count + 1));
  const rule = ([left, mid, right]: readonly string[]) => left + widths.map((w) => BOX.line.repeat(w + 2)).join(mid) + right;
  const lines = [rule(BOX.top)];
  rows.forEach((row, r) => {
    const wrapped = widths.map((w, i) => wrapAnsi(row[i] ?? '', w, { hard: true, trim: true }).split('\n'));
    const height = Math.max(...wrapped.map((cell) => cell.length));
    for (let line = 0; line < height; line++) {
      lines.push(BOX.bar + wrapped.map((cell, i) => ` ${align(cell[line] ?? '', widths[i]!, table.align[i] ?? null)} `).join(BOX.bar) + BOX.bar);
    }
    if (r === 0) lines.push(rule(BOX.mid));
  });
  lines.push(rule(BOX.bottom));
  return `${lines.join('\n')}\n\n`;
}

/** Narrows the widest columns, one cell at a time, until they fit `room` or all are at the minimum. */
function fitColumns(widths: number[], room: number): void {
  let over = widths.reduce((a, b) => a + b, 0) - room;
  while (over > 0) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= MIN_COLUMN) return;
    widths[widest]!--;
    over--;
  }
}

function align(text: string, width: number, how: 'left' | 'center' | 'right' | null): string {
  const space = Math.max(0, width - stringWidth(text));
  if (how === 'right') return ' '.repeat(space) + text;
  if (how === 'center') return ' '.repeat(Math.floor(space / 2)) + text + ' '.repeat(space - Math.floor(space / 2));
  return text + ' '.repeat(space);
}
