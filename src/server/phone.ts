/**
 * Phone numbers: stored in E.164 (`+8613800000000`) so one number is one account whatever the user
 * typed, and shown masked (`+86 138****0000`) everywhere the server answers or renders one.
 * Mainland China numbers may be typed without a country code; others need their `+` prefix.
 */

/** Country calling codes the masking splits on; a number of another country is masked generically. */
const COUNTRY_CODES = ['86', '852', '853', '886', '1', '44', '81', '82', '65'];

/** E.164 for what a user typed, or undefined when it cannot be a phone number. */
export function normalisePhone(input: string): string | undefined {
  const trimmed = input.trim();
  const plus = trimmed.startsWith('+') || trimmed.startsWith('00');
  const digits = trimmed.replace(/^(\+|00)/, '').replace(/[\s\-().]/g, '');
  if (!/^\d+$/.test(digits)) return undefined;
  if (!plus) {
    // A mainland mobile number: 11 digits starting 1[3-9].
    return /^1[3-9]\d{9}$/.test(digits) ? `+86${digits}` : undefined;
  }
  if (digits.startsWith('86')) return /^861[3-9]\d{9}$/.test(digits) ? `+${digits}` : undefined;
  // E.164 allows at most 15 digits; fewer than 8 is not a subscriber number anywhere.
  return digits.length >= 8 && digits.length <= 15 && !digits.startsWith('0') ? `+${digits}` : undefined;
}

/** `+8613800000000` → `+86 138****0000`: the country code, the first three and last four digits. */
export function maskPhone(e164: string): string {
  const digits = e164.slice(1);
  const country = COUNTRY_CODES.filter((c) => digits.startsWith(c)).sort((a, b) => b.length - a.length)[0] ?? digits.slice(0, 2);
  const national = digits.slice(country.length);
  const shown = Math.min(3, Math.max(0, national.length - 6));
  return `+${country} ${national.slice(0, shown)}${'*'.repeat(national.length - shown - 4)}${national.slice(-4)}`;
}
