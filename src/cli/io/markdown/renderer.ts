/**
 * The markdown renderer answers are shown with on a terminal (markdansi), loaded only when one is
 * shown: it costs tens of milliseconds. Tables are laid out by ./table.ts instead, which wraps
 * cells where markdansi would cut them; their cells' inline markdown is still markdansi's.
 */
import type { Tokens } from 'marked';
import type { Render } from './live.js';

const BOLD = (s: string) => `\x1b[1m${s}\x1b[22m`;
/** A cell that starts like a block (`# `, `- `, `1. `, `> `) is inline text in a table: escaped, it renders as it reads. */
const BLOCK_START = /^(\s*)([#>+*-]|\d+[.)])/;

export async function loadRenderer(color: boolean): Promise<Render> {
  const [{ render }, { lexer }, { renderTable }] = await Promise.all([import('markdansi'), import('marked'), import('./table.js')]);
  const blocks = (markdown: string, width: number) => render(markdown, { width, color, hyperlinks: false });
  const inline = (markdown: string) => render(markdown.replace(BLOCK_START, '$1\\$2'), { wrap: false, color, hyperlinks: false }).trim();
  return (markdown, width) => {
    if (!markdown.includes('|')) return blocks(markdown, width);
    const tokens = lexer(markdown);
    if (!tokens.some((t) => t.type === 'table')) return blocks(markdown, width);
    // The tables, and the runs of other blocks between them as markdansi renders them, a blank line apart.
    const pieces: string[] = [];
    let others = '';
    const flush = () => {
      if (others.trim()) pieces.push(blocks(others, width));
      others = '';
    };
    for (const t of tokens) {
      if (t.type !== 'table') {
        others += t.raw;
        continue;
      }
      flush();
      pieces.push(renderTable(t as Tokens.Table, width, inline, color ? BOLD : (s) => s));
    }
    flush();
    return pieces.map((p) => p.replace(/\n*$/, '\n')).join('\n');
  };
}
