/** Human formatting of tokens, money and times. JSON output never goes through these. */
import { minorDigits, type Money } from '../../tokens/money.js';

const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

export function formatMoney(m: Money): string {
  const digits = minorDigits(m.currency);
  const scale = 10 ** digits;
  const abs = Math.abs(m.amount_minor);
  const whole = Math.floor(abs / scale);
  const frac = digits ? '.' + String(abs % scale).padStart(digits, '0') : '';
  const sign = m.amount_minor < 0 ? '-' : '';
  const amount = `${formatTokens(whole)}${frac}`;
  const symbol = SYMBOLS[m.currency];
  return symbol ? `${sign}${symbol}${amount}` : `${sign}${amount} ${m.currency}`;
}

/**
 * 1234567 as 1,234,567. Whole numbers are grouped here: the first toLocaleString of a process loads
 * ICU's number data (~10 ms, on every run's usage line).
 */
export const formatTokens = (n: number) => (Number.isSafeInteger(n) && !Object.is(n, -0) ? String(n).replace(/\B(?=(\d{3})+$)/g, ',') : n.toLocaleString('en-US'));

/** A count as a terminal shows it (1,234) or a pipe needs it (1234). */
export const countFor = (tty: boolean) => (n: number) => (tty ? formatTokens(n) : String(n));

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
