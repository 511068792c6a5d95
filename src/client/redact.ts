/** How a key may appear in output and traces: never whole. */

/** A key shown safely: `tp_…c3Xk`. */
export function fingerprint(key: string): string {
  const prefix = /^[a-z]+[-_]/i.exec(key)?.[0] ?? '';
  return `${prefix}…${key.slice(-4)}`;
}

/** Headers as they may be shown: the key reduced to its fingerprint. */
export function redact(headers: Record<string, string>): Record<string, string> {
  const out = { ...headers };
  if (out.authorization) out.authorization = `Bearer ${fingerprint(out.authorization.replace(/^Bearer\s+/i, ''))}`;
  return out;
}

/**
 * Anything key-shaped in free text (an error message, a ledger field) reduced to its fingerprint:
 * the second line of defence behind refusing malformed keys where they are read.
 */
const KEY_SHAPED = /\b(?:tp|sk|sk-or-v1|sk-proj)[-_][A-Za-z0-9_-]{12,}|\bBearer\s+[^\s"',;]+/g;

/** Keys this process has been given: scrubbed whatever their shape. */
const known = new Set<string>();

export function rememberSecret(key: string): void {
  if (key.length >= 8) known.add(key);
}

export function scrubSecrets(text: string): string {
  for (const key of known) text = text.replaceAll(key, fingerprint(key));
  return text.replace(KEY_SHAPED, (match) =>
    match.startsWith('Bearer') ? `Bearer ${fingerprint(match.replace(/^Bearer\s+/, ''))}` : fingerprint(match),
  );
}
