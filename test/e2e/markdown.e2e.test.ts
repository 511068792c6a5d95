/**
 * Readable answers on a terminal (issue 17, part 4): markdown rendered while it streams, at two
 * widths, read back from the screen a real terminal of that size would show; `--raw` and piped
 * output are the text as it came, and the history keeps that text. The demo-echo model answers
 * with the prompt, slowly enough that the answer arrives over many reads.
 */
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { userAt } from '../helpers/cli.js';
import { KEY, onPty } from '../helpers/pty.js';
import { screenOf } from '../helpers/screen.js';
import { buy, startServe, type Served } from '../helpers/serve.js';

const ANSWER = `# Streaming answers

Some **bold words**, *emphasis*, \`inline code\` and a [link](https://example.com/docs) in a sentence that is long enough to wrap at forty columns, and again.

- a first item with enough words in it to wrap around the edge
- a second item

> a quoted line that is also long enough to wrap at forty columns

\`\`\`ts
const answer = 42;
console.log(answer);
\`\`\`

Done.`;

const PARAGRAPH_WORDS = 'Some bold words, emphasis, inline code and a link in a sentence that is long enough to wrap at forty columns, and again.'.split(' ');

let s: Served;
beforeAll(async () => {
  s = await startServe(['--demo-delay-ms', '2']);
  await buy(s.url, s.key, 'pro');
});
afterAll(() => s.stop());

const asUser = () => userAt(undefined, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key });

async function onTerminal(args: string[], columns: number, home: string): Promise<{ code: number | null; lines: string[]; raw: string }> {
  const pty = onPty(args, { home, columns, rows: 30, env: { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key } });
  const code = await pty.exit();
  return { code, lines: await screenOf(pty.raw(), columns, 30), raw: pty.raw() };
}

describe('on a terminal, an answer is rendered as markdown while it streams', () => {
  test.each([40, 100])('at %i columns: emphasis without its marks, wrapped between words, code in a frame with its language', async (columns) => {
    const u = asUser();
    const { code, lines } = await onTerminal(['run', '-n', '-m', 'demo-echo', ANSWER], columns, u.home);
    expect(code).toBe(0);
    const screen = lines.join('\n');
    expect(screen).toContain('Streaming answers');
    expect(screen).not.toMatch(/\*\*|```|^# /m);
    expect(screen).toContain('link (https://example.com/docs)');
    expect(lines.every((l) => l.length <= columns)).toBe(true);
    // Every word of the paragraph is whole on some row: none was cut at the edge.
    const words = new Set(lines.flatMap((l) => l.trim().split(/\s+/)));
    for (const word of PARAGRAPH_WORDS) expect(words).toContain(word);
    if (columns === 40) expect(lines.filter((l) => l.startsWith('Some') || PARAGRAPH_WORDS.includes(l.split(' ')[0]!)).length).toBeGreaterThan(2);
    expect(lines).toContain('- a second item');
    expect(lines.some((l) => /^│ a quoted line/.test(l))).toBe(true);
    const top = lines.findIndex((l) => l.startsWith('┌─ ts '));
    expect(top).toBeGreaterThan(0);
    expect(lines.slice(top + 1, top + 4)).toEqual(['│ const answer = 42;', '│ console.log(answer);', `└${'─'.repeat(columns - 1)}`]);
    expect(lines).toContain('Done.');
    // The history keeps the answer as it came.
    expect((await u.run(['logs', '--last'])).stdout).toBe(`${ANSWER}\n`);
  });

  test('--raw shows the answer as it came; piped output is the answer byte for byte', async () => {
    const u = asUser();
    const raw = await onTerminal(['run', '-n', '--raw', '-m', 'demo-echo', ANSWER], 100, u.home);
    expect(raw.code).toBe(0);
    expect(raw.lines.join('\n')).toContain('Some **bold words**, *emphasis*, `inline code` and a [link](https://example.com/docs)');
    expect(raw.lines).toContain('```ts');
    expect(raw.raw).not.toMatch(/\x1b\[\d*A/);
    const piped = await u.run(['run', '-n', '-m', 'demo-echo', ANSWER]);
    expect(piped.stdout).toBe(`${ANSWER}\n`);
  });

  test('config set render off shows answers as they came, still made safe for the terminal', async () => {
    const u = asUser();
    expect((await u.run(['config', 'set', 'render', 'of'])).code).toBe(2);
    expect((await u.run(['config', 'set', 'render', 'off'])).code).toBe(0);
    expect(JSON.parse((await u.run(['config', 'list', '--json'])).stdout).sources.render).toBe('profile');
    const shown = await onTerminal(['run', '-n', '-m', 'demo-echo', 'a **bold** \x1b]0;title\x07 claim'], 100, u.home);
    expect(shown.code).toBe(0);
    expect(shown.lines).toContain('a **bold** ^[]0;title^G claim');
  });

  test('Ctrl-C inside a code block closes its frame, and the run ends as interrupted', async () => {
    const slow = await startServe(['--demo-delay-ms', '60']);
    await buy(slow.url, slow.key);
    try {
      const u = userAt(undefined, { TOKENCLI_API_URL: slow.url, TOKENCLI_API_KEY: slow.key });
      const code = Array.from({ length: 40 }, (_, i) => `line_${i} = ${i}`).join('\n');
      const pty = onPty(['run', '-n', '-m', 'demo-echo', `Here:\n\n\`\`\`py\n${code}\n\`\`\`\n`], { home: u.home, columns: 60, rows: 30, env: { TOKENCLI_API_URL: slow.url, TOKENCLI_API_KEY: slow.key } });
      await pty.waitFor(/line_2 = 2/);
      pty.type(KEY.ctrlC);
      expect(await pty.exit()).toBe(130);
      const lines = await screenOf(pty.raw(), 60, 30);
      const top = lines.findIndex((l) => l.startsWith('┌─ py '));
      const bottom = lines.findIndex((l) => l === `└${'─'.repeat(59)}`);
      expect(top).toBeGreaterThan(0);
      expect(bottom).toBeGreaterThan(top + 2);
      expect(lines.slice(top + 1, bottom).every((l) => l.startsWith('│ line_'))).toBe(true);
      expect(lines.slice(bottom).join('\n')).toMatch(/interrupted: the partial answer is recorded/);
    } finally {
      await slow.stop();
    }
  });
});

describe('tables: every cell wraps inside its column, nothing is cut with "…"', () => {
  const CELLS = [
    ['alpha', 'The quick brown fox jumps over the **lazy dog** and keeps running far away', 'https://example.com/a/very/long/path/that/does/not/break'],
    ['中文', '这是一个很长的中文句子，用来测试表格在窄终端中的换行效果是否正确', '好'],
  ];
  const TABLE = ['| name | description | link |', '|---|---|---|', ...CELLS.map((row) => `| ${row.join(' | ')} |`)].join('\n');
  const squeezed = (s: string) => s.replace(/\*\*/g, '').replace(/\s/g, '');

  test.each([40, 80])('at %i columns, CJK included', async (columns) => {
    const { code, lines } = await onTerminal(['run', '-n', '-m', 'demo-echo', TABLE], columns, asUser().home);
    expect(code).toBe(0);
    expect(lines.join('\n')).not.toContain('…');
    expect(lines.every((l) => stringWidth(l) <= columns)).toBe(true);
    const rows = lines.filter((l) => l.startsWith('│'));
    expect(rows[0]).toMatch(/^│ name +│ description +│ link +│$/);
    // Read down each column: its cells' text, in order, whole.
    const column = (i: number) => squeezed(rows.slice(1).map((l) => l.split('│')[i + 1]!).join(''));
    for (const i of [0, 1, 2]) expect(column(i)).toBe(squeezed(CELLS.map((row) => row[i]).join('')));
    // Long cells wrapped onto more rows rather than cut.
    expect(rows.length).toBeGreaterThan(1 + CELLS.length);
  });
});

describe('logs --last and logs show on a terminal: the stored answer rendered as run renders it, whole', () => {
  test('at 40 columns rendered and framed; --raw and `config set render off` print it as stored; piped is as stored', async () => {
    const u = asUser();
    expect((await u.run(['run', '-n', '-m', 'demo-echo', ANSWER])).code).toBe(0);
    const id: string = JSON.parse((await u.run(['logs', '--json'])).stdout).runs[0].id;
    const shown = async (args: string[]) => {
      const pty = onPty(args, { home: u.home, columns: 40, rows: 60, env: { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key } });
      expect(await pty.exit()).toBe(0);
      return { lines: await screenOf(pty.raw(), 40, 60), raw: pty.raw() };
    };
    for (const args of [['logs', '--last'], ['logs', 'show', id.slice(0, 8)]]) {
      const { lines, raw } = await shown(args);
      // `logs show` prints the prompt (here the same text) as typed above the answer: only the answer is rendered.
      const answer = args[1] === 'show' ? lines.slice(lines.indexOf('answer') + 1) : lines;
      expect(answer.join('\n')).toContain('Streaming answers');
      expect(answer.join('\n')).not.toMatch(/\*\*|```|^# /m);
      expect(answer.join('\n')).toContain('link (https://example.com/docs)');
      expect(lines.every((l) => l.length <= 40)).toBe(true);
      const words = new Set(answer.flatMap((l) => l.trim().split(/\s+/)));
      for (const word of PARAGRAPH_WORDS) expect(words).toContain(word);
      const top = answer.findIndex((l) => l.startsWith('┌─ ts '));
      expect(top).toBeGreaterThan(0);
      expect(answer.slice(top + 1, top + 4)).toEqual(['│ const answer = 42;', '│ console.log(answer);', `└${'─'.repeat(39)}`]);
      expect(answer).toContain('Done.');
      // Whole, not streamed: nothing drawn is redrawn.
      expect(raw).not.toMatch(/\x1b\[\d*A/);
    }
    for (const args of [['logs', '--last', '--raw'], ['logs', 'show', id, '--raw']]) {
      const screen = (await shown(args)).lines.join('\n');
      expect(screen).toContain('```ts');
      expect(screen).toContain('# Streaming answers');
    }
    expect((await u.run(['logs', '--last'])).stdout).toBe(`${ANSWER}\n`);
    expect((await u.run(['logs', 'show', id])).stdout).toContain(`answer\n${ANSWER}\n`);
    expect((await u.run(['config', 'set', 'render', 'off'])).code).toBe(0);
    expect((await shown(['logs', '--last'])).lines).toContain('```ts');
    // As stored is still made safe on a terminal: an answer's escape sequences are shown, not run.
    expect((await u.run(['run', '-n', '-m', 'demo-echo', 'a **bold** \x1b]0;title\x07 claim'])).code).toBe(0);
    expect((await shown(['logs', '--last'])).lines).toContain('a **bold** ^[]0;title^G claim');
  });
});

describe('chat', () => {
  test('renders each answer on the terminal, and --raw leaves it as it came', async () => {
    for (const raw of [false, true]) {
      const u = asUser();
      const pty = onPty(['chat', '-m', 'demo-echo', ...(raw ? ['--raw'] : [])], { home: u.home, columns: 60, rows: 30, env: { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key } });
      await pty.waitFor(/Ctrl-D leaves/);
      pty.type('say **hello** to `x`' + KEY.enter);
      await pty.waitFor(/plan tokens/);
      pty.type('\x04');
      expect(await pty.exit()).toBe(0);
      const lines = await screenOf(pty.raw(), 60, 30);
      expect(lines).toContain(raw ? 'say **hello** to `x`' : 'say hello to x');
    }
  });
});
