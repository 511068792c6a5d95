/**
 * Provider amounts arrive as decimal strings ("110.00") or JSON numbers (49.58894). Both become
 * integer minor units through their decimal text, never through float arithmetic; digits past the
 * minor unit are dropped (rounded toward zero), so a balance is never overstated.
 */
export function toMinorUnits(value: unknown, minorDigits = 2): number | undefined {
  let text: string;
  if (typeof value === 'number' && Number.isFinite(value)) text = value.toFixed(Math.min(20, minorDigits + 6));
  else if (typeof value === 'string' && value.trim() !== '') text = value.trim();
  else return undefined;
  const m = /^([+-])?(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return undefined;
  const sign = m[1] === '-' ? -1 : 1;
  const whole = Number(m[2]) * 10 ** minorDigits;
  const frac = Number((m[3] ?? '').slice(0, minorDigits).padEnd(minorDigits, '0') || 0);
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
