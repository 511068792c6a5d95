import { minorDigits } from './io/format.js';

const SYMBOL_CURRENCY: Record<string, string> = { '¥': 'CNY', '￥': 'CNY', $: 'USD', '€': 'EUR', '£': 'GBP' };

/** "¥5", "5.50", "$2", "12 CNY" → integer minor units; no floats on the way. CNY when unsaid. */
export function parseMoney(text: string): { amount_minor: number; currency: string } | undefined {
  const m = /^\s*([¥￥$€£])?\s*(\d+)(?:\.(\d+))?\s*([A-Za-z]{3})?\s*$/.exec(text);
  if (!m) return undefined;
  const currency = (m[4]?.toUpperCase() ?? (m[1] ? SYMBOL_CURRENCY[m[1]] : undefined)) ?? 'CNY';
  const digits = minorDigits(currency);
  const frac = m[3] ?? '';
  if (frac.length > digits) return undefined;
  const amount = Number(m[2]) * 10 ** digits + Number(frac.padEnd(digits, '0') || 0);
  return amount > 0 && Number.isSafeInteger(amount) ? { amount_minor: amount, currency } : undefined;
}
