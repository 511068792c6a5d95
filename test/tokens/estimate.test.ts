/** Token estimates: the byte bound the write-ahead row reserves is never below the tokenizer's count. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { countPromptTokens, loadTokenCounter, promptTokensUpperBound } from '../../src/tokens/estimate.js';
import { billedTokens } from '../../src/tokens/billing.js';

describe('estimates', () => {
  test('the upper bound holds for any text, ASCII, CJK or emoji (property)', async () => {
    const counter = await loadTokenCounter();
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.option(fc.string({ maxLength: 40 }), { nil: undefined }), (user, system) => {
        const messages = [...(system ? [{ role: 'system' as const, content: system }] : []), { role: 'user' as const, content: user }];
        expect(promptTokensUpperBound(messages)).toBeGreaterThanOrEqual(countPromptTokens(messages, counter));
      }),
      { numRuns: 200 },
    );
  });

  test('billing rounds up to whole plan tokens, in thousandths, never with floats', () => {
    expect(billedTokens(10, 25, { input_multiplier_milli: 2000, output_multiplier_milli: 4000 })).toBe(120);
    expect(billedTokens(1, 0, { input_multiplier_milli: 1, output_multiplier_milli: 1 })).toBe(1);
    expect(billedTokens(0, 0, { input_multiplier_milli: 1000, output_multiplier_milli: 1000 })).toBe(0);
  });
});
