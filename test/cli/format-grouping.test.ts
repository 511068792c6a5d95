/** formatTokens groups whole numbers by hand (no ICU at start-up) exactly as toLocaleString('en-US') does. */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { formatTokens } from '../../src/cli/io/format.js';

test('formatTokens agrees with toLocaleString for every number', () => {
  fc.assert(fc.property(fc.oneof(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.double({ noNaN: true })), (n) => {
    expect(formatTokens(n)).toBe(n.toLocaleString('en-US'));
  }));
});
