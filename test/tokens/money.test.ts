/** Money arithmetic: parsing what people type and providers send, and money↔tokens at a plan price. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dearestPrice, moneyForTokens, parseMoney, perMillion, tokensForMoney, tokensPerMajorUnit, toMinorUnits } from '../../src/tokens/money.js';

const yuan = (amount_minor: number) => ({ amount_minor, currency: 'CNY' });
const PACK = { tokens: 400_000, price: yuan(100) };

describe('money', () => {
  test('what people type parses strictly into minor units', () => {
    expect(parseMoney('¥5')).toEqual(yuan(500));
    expect(parseMoney('5.5')).toEqual(yuan(550));
    expect(parseMoney('$0.07')).toEqual({ amount_minor: 7, currency: 'USD' });
    expect(parseMoney('12 usd')).toEqual({ amount_minor: 1200, currency: 'USD' });
    expect(parseMoney('1.005')).toBeUndefined();
    expect(parseMoney('-1')).toBeUndefined();
    expect(parseMoney('0')).toBeUndefined();
  });

  test('what providers send becomes minor units through its decimal text, never overstated', () => {
    expect(toMinorUnits('110.00')).toBe(11000);
    expect(toMinorUnits(49.58894)).toBe(4958);
    expect(toMinorUnits('-3.999')).toBe(-399);
    expect(toMinorUnits('abc')).toBeUndefined();
    expect(perMillion('0.00003')).toBe('30');
  });

  test('the ¥1 pack: 400,000 tokens per yuan; a budget of ¥5 allows 2,000,000 tokens', () => {
    expect(tokensPerMajorUnit(PACK)).toBe(400_000);
    expect(tokensForMoney(yuan(500), PACK)).toBe(2_000_000);
    expect(moneyForTokens(1, PACK)).toEqual(yuan(1));
    expect(dearestPrice([PACK, { tokens: 10, price: yuan(100) }, { tokens: 5, price: yuan(0) }])).toEqual({ tokens: 10, price: yuan(100) });
  });

  test('converting money to tokens and back never gives back more money than was set (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 1, max: 100_000 }), (amount, tokens, price) => {
        const p = { tokens, price: yuan(price) };
        const bought = tokensForMoney(yuan(amount), p);
        expect(Number.isInteger(bought)).toBe(true);
        // Rounding down the tokens, then up the money, lands within one minor unit of where it began.
        const back = moneyForTokens(bought, p).amount_minor;
        expect(back).toBeLessThanOrEqual(amount);
        expect(moneyForTokens(bought + 1, p).amount_minor).toBeGreaterThanOrEqual(back);
      }),
    );
  });
});
