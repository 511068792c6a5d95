/**
 * The bundle is ASCII alone (scripts/ascii-only.mjs): every other character is escaped where the
 * escape means the same, and the build stops where it would not. A chunk with one `—` in a comment
 * was read by V8 as two bytes a character: the main chunk loaded in 3.3 ms, now 2.5.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext, Script } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { asciiOnly } from '../../scripts/ascii-only.mjs';
import { ROOT } from '../helpers/procs.js';

const NON_ASCII = /[^\x00-\x7f]/;

/** What `code` (an expression) evaluates to, as JSON, before and after escaping. */
function both(code: string): [unknown, unknown, string] {
  const escaped = asciiOnly(code, 'test.js');
  return [runInNewContext(code), runInNewContext(escaped), escaped];
}

describe('asciiOnly', () => {
  test('escapes strings, untagged templates, regular expressions, names and comments to the same meaning', () => {
    const cases = [
      `'¥5 × 2 — 发票'`,
      '`${1 + 1}×, “quoted” ✓`',
      // Outside the BMP: a surrogate pair, in a string and in a Unicode character class range.
      `'😀'.length + ':' + /^[😀-🙏]$/u.test('🙂') + ':' + /^😀$/u.test('😀') + ':' + /^.$/u.test('😀')`,
      `/^\\s*([¥￥$€£])?\\s*(\\d+)$/.exec('￥12').slice(1).join('|')`,
      `(() => { const précis = 'é'; /* commentaire — ✓ */ return précis + précis.length; })()`,
      // A backslash before an ASCII character next to a non-ASCII one is left as it was.
      `'a\\\\×' + '\\n—'.length`,
      // Named groups and their back-references; astral characters without the u flag; the v flag.
      `/(?<é>a)\\k<é>/.exec('aa').groups.é + /^[😀]$/.test('😀') + /^(?:😀)$/.test('😀') + /^[\\p{L}--[é]]$/v.test('é')`,
      // A template inside a tagged template's expression is not read raw by the tag.
      'String.raw`a${`×`}b`',
      // A line separator in a block comment is a line break: no semicolon is inserted otherwise.
      '(function () { return /*\u2028*/ 42; })()',
    ];
    for (const code of cases) {
      const [before, after, escaped] = both(code);
      expect(escaped, code).not.toMatch(NON_ASCII);
      expect(after, code).toEqual(before);
    }
  });

  test('leaves ASCII code untouched', () => {
    const code = "const a = 'plain'; // nothing to do\n";
    expect(asciiOnly(code)).toBe(code);
  });

  test('stops where an escape would change the code or is not allowed', () => {
    expect(() => asciiOnly('String.raw`×`', 'a.js')).toThrow(/a\.js:1:12: "×" is in a tagged template/);
    expect(() => asciiOnly('(0, String.raw)`×`', 'a.js')).toThrow(/is in a tagged template/);
    expect(() => asciiOnly("'\\é'", 'b.js')).toThrow(/b\.js:1:3: "é" is escaped itself/);
    // A no-break space between tokens is white space, where an escape is a syntax error.
    expect(() => asciiOnly('const\u00a0a = 1;', 'c.js')).toThrow(/c\.js:1:6: .* is outside any string/);
    expect(() => asciiOnly('const 𝑥 = 1;', 'd.js')).toThrow(/half of a name's character/);
  });
});

describe('the bundle', () => {
  test('is ASCII alone, chunk by chunk, and compiles', () => {
    const dir = join(ROOT, 'dist', 'bundle');
    const files = ['start.cjs', ...readdirSync(join(dir, 'chunks')).map((f) => join('chunks', f))];
    expect(files.length).toBeGreaterThan(5);
    const sources = files.map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const);
    expect(sources.filter(([, code]) => NON_ASCII.test(code)).map(([f]) => f)).toEqual([]);
    // and each still compiles, as Node wraps a CommonJS module
    for (const [f, code] of sources) expect(() => new Script(`(function (exports, require, module, __filename, __dirname) { ${code}\n})`, { filename: f })).not.toThrow();
  });
});
