// The bundle in ASCII alone. Node hands V8 a file with any other character as a string of two bytes
// a character (V8 keeps one byte a character only for Latin-1 text), and a few `—`, `…` or `→` in
// comments and messages made each chunk twice the bytes to read, hash and hold: the main chunk
// (276 KB) took 3.3 ms to load, now 2.5 (time marks in the process, median of 21 runs), which is
// 0.5-1.5 ms of a start-up. Each other character becomes a \u escape wherever JavaScript reads the
// escape as the character itself: a string, a template that no tag reads raw, a regular
// expression, a name or a comment. Anything else (a tagged template, an escaped character such as
// '\é', white space) stops the build rather than change what the code means. What reads source
// text back (a regular expression's `source`, a function's toString()) sees the escapes.
import { parse } from 'acorn';

const NON_ASCII = /[^\x00-\x7f]/g;
const ANY_NON_ASCII = /[^\x00-\x7f]/;

/** `code` with every character outside ASCII escaped; throws where an escape would change it. */
export function asciiOnly(code, fileName = 'chunk') {
  if (!ANY_NON_ASCII.test(code)) return code;
  const spans = escapable(code);
  const starts = spans.map((s) => s.start);
  return code.replace(NON_ASCII, (ch, at) => {
    const span = spans[lastAtOrBefore(starts, at)];
    const where = () => `${fileName}:${lineAndColumn(code, at)}`;
    if (!span || at >= span.end) throw new Error(`${where()}: "${ch}" is outside any string, template, regular expression, name or comment`);
    if (span.kind === 'tagged template') throw new Error(`${where()}: "${ch}" is in a tagged template, whose tag would read the escape instead`);
    if (span.kind === 'name' && isSurrogate(ch)) throw new Error(`${where()}: "${ch}" is half of a name's character outside the BMP`);
    if (span.kind !== 'name' && span.kind !== 'comment' && backslashesBefore(code, at) % 2 === 1) throw new Error(`${where()}: "${ch}" is escaped itself ("\\${ch}"), which its \\u escape cannot be`);
    // A line or paragraph separator in a /* */ comment is a line break (automatic semicolons see it):
    // an ASCII one keeps it so.
    if (span.kind === 'comment' && (ch === '\u2028' || ch === '\u2029')) return '\n';
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Where a \u escape means the same as the character, in source order. */
function escapable(code) {
  const spans = [];
  const ast = parse(code, {
    ecmaVersion: 'latest',
    sourceType: 'script',
    allowHashBang: true,
    allowReturnOutsideFunction: true,
    onComment: (_block, _text, start, end) => spans.push({ start, end, kind: 'comment' }),
  });
  const visit = (node, parent) => {
    if (node.type === 'Literal' && (typeof node.value === 'string' || node.regex)) spans.push({ start: node.start, end: node.end, kind: node.regex ? 'regular expression' : 'string' });
    else if (node.type === 'TemplateLiteral') spans.push(...node.quasis.map((q) => ({ start: q.start, end: q.end, kind: parent?.type === 'TaggedTemplateExpression' ? 'tagged template' : 'template' })));
    else if (node.type === 'Identifier' || node.type === 'PrivateIdentifier') spans.push({ start: node.start, end: node.end, kind: 'name' });
    for (const value of Object.values(node)) {
      for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child.type === 'string') visit(child, node);
    }
  };
  visit(ast, undefined);
  return spans.sort((a, b) => a.start - b.start);
}

/** Index of the last of the sorted `starts` at or before `at`, or -1. */
function lastAtOrBefore(starts, at) {
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= at) [found, lo] = [mid, mid + 1];
    else hi = mid - 1;
  }
  return found;
}

function backslashesBefore(code, at) {
  let n = 0;
  while (code[at - 1 - n] === '\\') n++;
  return n;
}

const isSurrogate = (ch) => ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff;

function lineAndColumn(code, at) {
  const before = code.slice(0, at).split('\n');
  return `${before.length}:${before.at(-1).length + 1}`;
}

/** The Rollup plugin: every chunk it writes, in ASCII. */
export const asciiOnlyPlugin = () => ({ name: 'ascii-only', renderChunk: (code, chunk) => ({ code: asciiOnly(code, chunk.fileName), map: null }) });
