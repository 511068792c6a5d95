/**
 * Plan-token arithmetic shared by the server (metering) and the CLI (estimates), so that both
 * always agree. Integers only: multipliers are in thousandths ("milli"), never floats.
 */
import type { BillingRates } from '../shared/wire.js';

export const UNIT_RATES: BillingRates = { input_multiplier_milli: 1000, output_multiplier_milli: 1000 };

/** billed = ceil((prompt × in_milli + completion × out_milli) / 1000), as DESIGN §3 defines it. */
export function billedTokens(promptTokens: number, completionTokens: number, rates: BillingRates): number {
  const milli = promptTokens * rates.input_multiplier_milli + completionTokens * rates.output_multiplier_milli;
  return Math.ceil(milli / 1000);
}

/** The largest completion whose bill, together with the prompt, fits in `available` plan tokens. */
export function affordableCompletionTokens(promptTokens: number, available: number, rates: BillingRates): number {
  const left = available * 1000 - promptTokens * rates.input_multiplier_milli;
  if (left < 0) return 0;
  if (rates.output_multiplier_milli === 0) return Number.MAX_SAFE_INTEGER;
  return Math.floor(left / rates.output_multiplier_milli);
}

/** Formats a multiplier in thousandths as a short decimal string: 1500 → "1.5×". */
export function formatMultiplier(milli: number): string {
  const whole = Math.floor(milli / 1000);
  const frac = String(milli % 1000).padStart(3, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}×` : `${whole}×`;
}
