/**
 * Money, in one place: integer minor units of an ISO currency, never floats. Parsing what a person
 * types ("¥5", "5.50") and what a provider sends ("110.00", 49.58894), and converting between money
 * and plan tokens at a plan's price. Formatting for people stays in cli/io/format.ts.
 */

export interface Money {
  amount_minor: number;
  currency: string;
}

/** A plan's price: so many tokens for so much money. */
export interface TokenPrice {
  tokens: number;
  price: Money;
}

/** Minor-unit digits by currency; two unless listed. */
const MINOR_DIGITS: Record<string, number> = { JPY: 0, KRW: 0 };
export const minorDigits = (currency: string) => MINOR_DIGITS[currency] ?? 2;

const SYMBOL_CURRENCY: Record<string, string> = { '¥': 'CNY', '￥': 'CNY', $: 'USD', '€': 'EUR', '£': 'GBP' };

/** "¥5", "5.50", "$2", "12 CNY" → integer minor units; no floats on the way. CNY when unsaid. */
export function parseMoney(text: string): Money | undefined {
  const m = /^\s*([¥￥$€£])?\s*(\d+)(?:\.(\d+))?\s*([A-Za-z]{3})?\s*$/.exec(text);
  if (!m) return undefined;
  const currency = (m[4]?.toUpperCase() ?? (m[1] ? SYMBOL_CURRENCY[m[1]] : undefined)) ?? 'CNY';
  const digits = minorDigits(currency);
  const frac = m[3] ?? '';
  if (frac.length > digits) return undefined;
  const amount = Number(m[2]) * 10 ** digits + Number(frac.padEnd(digits, '0') || 0);
  return amount > 0 && Number.isSafeInteger(amount) ? { amount_minor: amount, currency } : undefined;
}

/**
 * Provider amounts arrive as decimal strings ("110.00") or JSON numbers (49.58894). Both become
 * integer minor units through their decimal text, never through float arithmetic; digits past the
 * minor unit are dropped (rounded toward zero), so a balance is never overstated.
 */
export function toMinorUnits(value: unknown, digits = 2): number | undefined {
  let text: string;
  if (typeof value === 'number' && Number.isFinite(value)) text = value.toFixed(Math.min(20, digits + 6));
  else if (typeof value === 'string' && value.trim() !== '') text = value.trim();
  else return undefined;
  const m = /^([+-])?(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  const whole = Number(m[2]) * 10 ** digits;
  const frac = Number((m[3] ?? '').slice(0, digits).padEnd(digits, '0') || 0);
  const result = sign * (whole + frac);
  return Number.isSafeInteger(result) ? result + 0 : undefined;
}

/** "0.00003" USD per token → USD per million tokens, as a decimal string (no float error). */
export function perMillion(pricePerToken: unknown): string | undefined {
  const micro = toMinorUnits(pricePerToken, 12);
  if (micro === undefined) return undefined;
  // micro is in 1e-12 units per token; per million tokens that is 1e-6 units.
  const units = micro / 1e6;
  return Number.isInteger(units) ? String(units) : String(Number(units.toFixed(6)));
}

/** Tokens bought per one major unit of money (per ¥1), rounded down. */
export function tokensPerMajorUnit(p: TokenPrice): number | undefined {
  if (p.price.amount_minor === 0) return undefined;
  return Math.floor((p.tokens * 10 ** minorDigits(p.price.currency)) / p.price.amount_minor);
}

/** What an amount buys at a plan's price, rounded down: a budget never allows more than was paid for. */
export function tokensForMoney(money: Money, p: TokenPrice): number {
  return Math.floor((money.amount_minor * p.tokens) / p.price.amount_minor);
}

/** What tokens cost at a price, rounded up: a spend report never understates money. */
export function moneyForTokens(tokens: number, p: TokenPrice): Money {
  return { amount_minor: Math.ceil((tokens * p.price.amount_minor) / p.tokens), currency: p.price.currency };
}

/** The dearest price per token among priced plans, so money estimates err on the high side. */
export function dearestPrice(plans: readonly TokenPrice[] | undefined): TokenPrice | undefined {
  const priced = (plans ?? []).filter((p) => p.price.amount_minor > 0 && p.tokens > 0);
  priced.sort((a, b) => a.price.amount_minor * b.tokens - b.price.amount_minor * a.tokens);
  return priced.at(-1);
}
