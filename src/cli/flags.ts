/**
 * Parsers for flag values, shared by every command: each turns a bad value into a usage error
 * (exit 2) that names the flag. Kept apart from program.ts so commands never import the root.
 */
import { UsageError } from './errors.js';

export function positiveNumber(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number, not "${value}"`);
    return n;
  };
}

export function positiveInteger(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${flag} must be a positive integer, not "${value}"`);
    return n;
  };
}

/** A whole number within the bounds a server takes, e.g. `--quantity` of 1 to 1000. */
export function integerBetween(flag: string, min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not "${value}"`);
    return n;
  };
}

export function nonNegativeInteger(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} must be a whole number of zero or more, not "${value}"`);
    return n;
  };
}

export function temperature(value: string): number {
  const t = Number(value);
  if (!Number.isFinite(t) || t < 0 || t > 2) throw new UsageError(`--temperature must be between 0 and 2, not "${value}"`);
  return t;
}

/** `name=value` pairs, as -p and --default take them. */
export function parseParams(pairs: string[], flag: string): Record<string, string> {
  return Object.fromEntries(
    pairs.map((p) => {
      const at = p.indexOf('=');
      if (at < 1) throw new UsageError(`${flag} takes name=value, not "${p}"`);
      return [p.slice(0, at), p.slice(at + 1)];
    }),
  );
}
