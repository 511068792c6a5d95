/**
 * Token counting as the server and the CLI share it (src/tokens): exact on real text, bounded on
 * pathological runs, and a byte-length lower bound that never overshoots the count.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countTokens, decode } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, test } from 'vitest';
import { countPromptTokens, loadTokenCounter, MAX_TOKEN_BYTES, promptTokensLowerBound } from '../../src/tokens/estimate.js';
import { CountStopped, countWithBoundedPretokens, MAX_PRETOKEN_CHARS, PIECE_CHARS } from '../../src/tokens/pretokens.js';
import { ROOT } from '../helpers/procs.js';

describe('bounded token counting', () => {
  test('real text counts exactly as the tokenizer counts it', async () => {
    const counter = await loadTokenCounter();
    for (const file of ['README.md', 'src/server/routes/chat.ts', 'docs/token-plan-api.yaml', 'package-lock.json']) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      expect(counter.count(text), file).toBe(countTokens(text));
    }
    expect(counter.count('你好，世界。これはテストです。 Ünïcödé 🙂 x'.repeat(50))).toBe(countTokens('你好，世界。これはテストです。 Ünïcödé 🙂 x'.repeat(50)));
  });

  test('a 1,040,000-byte run of one letter is counted in slices, not in minutes', async () => {
    const counter = await loadTokenCounter();
    const slice = countTokens('a'.repeat(MAX_PRETOKEN_CHARS));
    const whole = Math.floor(1_040_000 / MAX_PRETOKEN_CHARS);
    const rest = countTokens('a'.repeat(1_040_000 - whole * MAX_PRETOKEN_CHARS));
    expect(counter.count('a'.repeat(1_040_000))).toBe(whole * slice + rest);
  });

  test('slices keep the text around a long run whole and never cut a surrogate pair', () => {
    const seen: string[] = [];
    const fake = (t: string) => (seen.push(t), 1);
    const run = '!' + '🙂'.repeat(600);
    countWithBoundedPretokens(`hello world ${run} bye now`, fake, /\s+|[^\s]+/gu);
    expect(seen[0]).toBe('hello world ');
    expect(seen.at(-1)).toBe(' bye now');
    expect(seen.slice(1, -1).join('')).toBe(run);
    for (const piece of seen) expect(piece.length).toBeLessThanOrEqual(MAX_PRETOKEN_CHARS);
    for (const piece of seen) expect(piece.charCodeAt(0) >= 0xdc00 && piece.charCodeAt(0) <= 0xdfff).toBe(false);
  });

  test('a long count is cut in pieces at pre-token boundaries, exactly, and can be stopped between them', async () => {
    const counter = await loadTokenCounter();
    const text = readFileSync(join(ROOT, 'README.md'), 'utf8').repeat(8);
    expect(text.length).toBeGreaterThan(4 * PIECE_CHARS);
    let asked = 0;
    expect(counter.count(text, () => (asked++, false))).toBe(countTokens(text));
    expect(asked).toBeGreaterThanOrEqual(4);
    let left = 2;
    expect(() => counter.count(text, () => left-- <= 0)).toThrow(CountStopped);
    // A prompt's count is asked with the prompt's running total, framing included.
    let last = 0;
    const messages = [{ role: 'system' as const, content: 'be brief' }, { role: 'user' as const, content: text }];
    expect(() => countPromptTokens(messages, counter, (soFar) => ((last = soFar), soFar > 5_000))).toThrow(CountStopped);
    expect(last).toBeGreaterThan(5_000);
    expect(last).toBeLessThan(countPromptTokens(messages, counter));
  });

  test('special-token text is counted as plain text, not refused', async () => {
    expect((await loadTokenCounter()).count('stop <|endoftext|> here')).toBeGreaterThan(3);
  });

  test('the byte-length lower bound never exceeds the count, and is tight for the longest token', async () => {
    let longest = 0;
    for (let rank = 0; rank < 200_000; rank++) {
      try {
        longest = Math.max(longest, Buffer.byteLength(decode([rank])));
      } catch {
        // unused ranks
      }
    }
    expect(MAX_TOKEN_BYTES).toBe(longest);
    const counter = await loadTokenCounter();
    for (const content of ['hi', ' '.repeat(128 * 50), 'a'.repeat(100_000), 'x y '.repeat(1000), '中'.repeat(3000)]) {
      const messages = [{ role: 'user' as const, content }];
      expect(promptTokensLowerBound(messages)).toBeLessThanOrEqual(countPromptTokens(messages, counter));
    }
    const spaces = [{ role: 'user' as const, content: ' '.repeat(128 * 50) }];
    expect(promptTokensLowerBound(spaces)).toBe(countPromptTokens(spaces, counter));
  });
});
