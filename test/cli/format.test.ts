/** Money and token formatting for people: integer minor units in, text out. */
import { expect, test } from 'vitest';
import { formatMoney } from '../../src/cli/io/format.js';
import { tokensPerMajorUnit } from '../../src/tokens/money.js';

test('money: symbol, thousands, minor digits, and a sign before the symbol', () => {
  expect(formatMoney({ amount_minor: 12345, currency: 'CNY' })).toBe('¥123.45');
  expect(formatMoney({ amount_minor: 123456789, currency: 'USD' })).toBe('$1,234,567.89');
  expect(formatMoney({ amount_minor: -100, currency: 'USD' })).toBe('-$1.00');
  expect(formatMoney({ amount_minor: 5, currency: 'CHF' })).toBe('0.05 CHF');
  expect(formatMoney({ amount_minor: -5, currency: 'CHF' })).toBe('-0.05 CHF');
  expect(formatMoney({ amount_minor: 500, currency: 'JPY' })).toBe('¥500');
});

test('tokens per ¥1, rounded down; free plans have none', () => {
  expect(tokensPerMajorUnit({ tokens: 400_000, price: { amount_minor: 100, currency: 'CNY' } })).toBe(400_000);
  expect(tokensPerMajorUnit({ tokens: 1_000, price: { amount_minor: 300, currency: 'CNY' } })).toBe(333);
  expect(tokensPerMajorUnit({ tokens: 1_000, price: { amount_minor: 0, currency: 'CNY' } })).toBeUndefined();
});
