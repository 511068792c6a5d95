/**
 * One-time codes sent by SMS (a device login's phone check, a phone-bill payment's validation).
 * Only a hash is stored, compared in constant time; the attempt count and expiry live with the row
 * that owns the code, because each flow ends differently when they run out.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

export const CODE_DIGITS = 6;

/** A uniformly random six-digit code, leading zeros kept. */
export function newNumericCode(): string {
  return String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
}

/**
 * The stored form of a code. The salt (the owning row's id) keeps equal codes from hashing alike.
 * Spaces and dashes are not part of a code: people type `123 456` as the SMS groups it.
 */
export function hashCode(code: string, salt: string): Buffer {
  return createHash('sha256').update(salt).update('\0').update(code.replace(/[\s-]/g, '')).digest();
}

export function codeMatches(presented: string, salt: string, stored: Buffer): boolean {
  const hash = hashCode(presented, salt);
  return hash.length === stored.length && timingSafeEqual(hash, stored);
}
