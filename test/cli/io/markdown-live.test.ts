/**
 * The streaming layout of io/markdown/live.ts, read back from a headless terminal of the same size:
 * an answer that arrives a character at a time ends on the same screen as one that arrives whole
 * (every redraw erased exactly what it drew), a block taller than the screen loses nothing, and a
 * resize never erases what was committed.
 */
import { render } from 'markdansi';
import { describe, expect, test } from 'vitest';
import { LiveMarkdown, type LiveScreen, type Render } from '../../../src/cli/io/markdown/live.js';
import { screenOf } from '../../helpers/screen.js';

const renderer: Render = (markdown, width) => render(markdown, { width, color: false, hyperlinks: false });

const ANSWER = [
  '## A heading',
  '',
  'A paragraph with **bold**, *em* and `code` that runs long enough to wrap over several rows of a narrow screen.',
  'Its second line.',
  '',
  '1. one',
  '2. two with more words than fit',
  '',
  '```sh',
  'echo "a shell line that is wider than the narrow screen is"',
  '```',
  '',
  '| k | v |',
  '|---|---|',
  '| a | 1 |',
  '',
].join('\n');

function play(chunks: string[], screen: LiveScreen, o: { loadAfter?: number; resizeAt?: [number, LiveScreen] } = {}): string {
  let out = '';
  const live = new LiveMarkdown({ write: (s) => (out += s), screen, frame: (s) => s });
  if (o.loadAfter === undefined) live.ready(renderer);
  chunks.forEach((chunk, i) => {
    if (i === o.loadAfter) live.ready(renderer);
    if (o.resizeAt && i === o.resizeAt[0]) live.resize(o.resizeAt[1]);
    live.write(chunk);
  });
  live.finish();
  return out;
}

const byChar = (s: string) => [...s];
const wordsOf = (lines: string[]) => new Set(lines.join(' ').split(/[\s│|]+/).filter(Boolean));

describe('LiveMarkdown', () => {
  test.each([30, 80])('at %i columns, a character at a time ends on the screen the whole answer at once gives', async (columns) => {
    const screen = { columns, rows: 40 };
    const whole = await screenOf(play([ANSWER], screen), columns, 40);
    expect(await screenOf(play(byChar(ANSWER), screen), columns, 40)).toEqual(whole);
    expect(whole.join('\n')).not.toMatch(/\*\*|```/);
    expect(whole.every((l) => l.length <= columns)).toBe(true);
  });

  test('text that comes before the renderer is shown as it came, then rendered', async () => {
    const screen = { columns: 40, rows: 40 };
    let out = '';
    const live = new LiveMarkdown({ write: (s) => (out += s), screen, frame: (s) => s });
    live.write('some **bold');
    expect(out).toBe('some **bold');
    live.ready(renderer);
    live.write('** text\n');
    live.finish();
    expect(await screenOf(out, 40, 40)).toEqual(['some bold text']);
    expect(await screenOf(play(byChar(ANSWER), screen, { loadAfter: 30 }), 40, 40)).toEqual(await screenOf(play([ANSWER], screen), 40, 40));
  });

  test('on a screen shorter than a block, nothing is lost and nothing goes past the edge', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const text = `${long}\n- ${long}\n\n${ANSWER}`;
    const lines = await screenOf(play(byChar(text), { columns: 24, rows: 6 }), 24, 6);
    expect(lines.every((l) => l.length <= 24)).toBe(true);
    const words = wordsOf(lines);
    for (let i = 0; i < 60; i++) expect(words).toContain(`word${i}`);
  });

  test('a resize keeps what was committed and lays out the rest at the new width', async () => {
    const chunks = byChar(ANSWER);
    const out = play(chunks, { columns: 80, rows: 40 }, { resizeAt: [chunks.indexOf('`') + 40, { columns: 40, rows: 40 }] });
    const lines = await screenOf(out, 80, 40);
    expect(lines[0]).toBe('A heading');
    expect(lines.some((l) => l.startsWith('┌─ sh ') && l.length === 40)).toBe(true);
    for (const word of ['paragraph', 'second', 'one', 'two', 'echo', 'k', 'a']) expect(wordsOf(lines)).toContain(word);
  });
});

describe('LiveMarkdown output size', () => {
  test('a token at a time costs about the token, not a redraw of the block', () => {
    const words = Array.from({ length: 3000 }, (_, i) => ` word${i % 97}`);
    const text = `Intro **bold** then${words.join('')}\n`;
    const out = play(['Intro **bold** then', ...words, '\n'], { columns: 100, rows: 40 });
    expect(out.length).toBeLessThan(text.length * 2);
  });
});
