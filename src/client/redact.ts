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
