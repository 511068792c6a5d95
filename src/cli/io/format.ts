/** Human formatting of tokens, money and times. JSON output never goes through these. */
import type { Money } from '../../shared/wire.js';

const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥' };
/** Minor-unit digits by currency; two unless listed. */
const MINOR_DIGITS: Record<string, number> = { JPY: 0, KRW: 0 };

export const minorDigits = (currency: string) => MINOR_DIGITS[currency] ?? 2;

export function formatMoney(m: Pick<Money, 'amount_minor' | 'currency'>): string {
  const digits = minorDigits(m.currency);
  const scale = 10 ** digits;
  const abs = Math.abs(m.amount_minor);
  const whole = Math.floor(abs / scale);
  const frac = digits ? '.' + String(abs % scale).padStart(digits, '0') : '';
  const sign = m.amount_minor < 0 ? '-' : '';
  const amount = `${whole.toLocaleString('en-US')}${frac}`;
  const symbol = SYMBOLS[m.currency];
  return symbol ? `${sign}${symbol}${amount}` : `${sign}${amount} ${m.currency}`;
}

export const formatTokens = (n: number) => n.toLocaleString('en-US');

/** Tokens bought per one major unit of money (per ¥1), rounded down; integers only. */
export function tokensPerMajorUnit(tokens: number, price: Money): number | undefined {
  if (price.amount_minor === 0) return undefined;
  return Math.floor((tokens * 10 ** minorDigits(price.currency)) / price.amount_minor);
}

/** "in 3 days", "5 minutes ago": for terminals only; pipes get ISO-8601. */
export function relativeTime(iso: string, now: Date): string {
  const ms = new Date(iso).getTime() - now.getTime();
  const abs = Math.abs(ms);
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1000, 'second'],
  ];
  const [size, name] = units.find(([u]) => abs >= u) ?? [1000, 'second'];
  const n = Math.floor(abs / size);
  const phrase = `${n} ${name}${n === 1 ? '' : 's'}`;
  return ms >= 0 ? `in ${phrase}` : `${phrase} ago`;
}

/** A timestamp as a terminal shows it (relative) or a pipe needs it (ISO). */
export const when = (iso: string, tty: boolean, now: Date) => (tty ? relativeTime(iso, now) : iso);
