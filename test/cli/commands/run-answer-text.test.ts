/**
 * A run keeps only what it needs of its answer while it streams (AnswerText): its whole text only
 * for --json; otherwise its length, its last character and its start, which a local estimate counts
 * and scales to the whole when the server sent no usage.
 */
import { describe, expect, test } from 'vitest';
import { AnswerText, SAMPLE_CHARS } from '../../../src/cli/commands/run/answer-text.js';
import { RunEstimator } from '../../../src/cli/commands/run/estimate.js';
import { loadTokenCounter } from '../../../src/tokens/estimate.js';

describe('AnswerText', () => {
  test('passes every piece on, counts it, and keeps the whole only when asked', () => {
    const seen: string[] = [];
    const kept = new AnswerText(true, (t) => seen.push(t));
    for (const t of ['Hello', '', ', ', 'world\n']) kept.add(t);
    expect(seen).toEqual(['Hello', ', ', 'world\n']);
    expect([kept.length, kept.endsWithNewline, kept.content, kept.sample]).toEqual([13, true, 'Hello, world\n', 'Hello, world\n']);
    const streamed = new AnswerText(false);
    streamed.add('no newline');
    expect([streamed.endsWithNewline, streamed.sample]).toEqual([false, 'no newline']);
    expect(() => streamed.content).toThrow(/not kept whole/);
  });

  test('a long answer: its start is kept, not the rest', () => {
    const text = new AnswerText(false);
    const piece = 'abcdefghij'.repeat(1000);
    for (let i = 0; i < 100; i++) text.add(piece);
    expect(text.length).toBe(100 * piece.length);
    expect(text.sample).toBe(piece.repeat(100).slice(0, SAMPLE_CHARS));
  });
});

test('a local estimate of a long answer counts its start and scales it to the whole', async () => {
  const estimator = RunEstimator.of(undefined, [{ role: 'user', content: 'hi' }], undefined);
  const counter = await loadTokenCounter();
  const sample = 'the plan token meter '.repeat(SAMPLE_CHARS / 21);
  expect((await estimator.billedFor(sample, sample.length)).completion).toBe(counter.count(sample));
  expect((await estimator.billedFor(sample, 3 * sample.length)).completion).toBe(3 * counter.count(sample));
});
