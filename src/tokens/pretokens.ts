/**
 * Bounded-cost counting. Byte-pair encoding takes time quadratic in the length of one pre-token
 * (a stretch the o200k_base split pattern keeps whole, such as a run of one letter, of spaces or of
 * CJK characters without punctuation): 1 MB of "aaaa…" took minutes. Such a run is counted here in
 * slices of at most MAX_PRETOKEN_CHARS. Pre-tokens of real text are far shorter than a slice, and
 * the text between overlong runs is counted whole, so its count is exactly the tokenizer's.
 */

/** Beyond this, a pre-token's cost grows visibly faster than its length; real words stay far below. */
export const MAX_PRETOKEN_CHARS = 512;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * Counts `text` with `countTokens`, slicing every pre-token (a match of `splitPattern`, the
 * tokenizer's own split pattern, global) that is longer than MAX_PRETOKEN_CHARS.
 */
export function countWithBoundedPretokens(text: string, countTokens: (text: string) => number, splitPattern: RegExp): number {
  let total = 0;
  let from = 0;
  for (const match of text.matchAll(splitPattern)) {
    const run = match[0];
    if (run.length <= MAX_PRETOKEN_CHARS) continue;
    // Text up to a pre-token boundary tokenizes alone exactly as it does within the whole.
    if (match.index > from) total += countTokens(text.slice(from, match.index));
    for (let at = 0; at < run.length; ) {
      let end = Math.min(at + MAX_PRETOKEN_CHARS, run.length);
      // Never cut a surrogate pair in two.
      if (end < run.length && isHighSurrogate(run.charCodeAt(end - 1))) end--;
      total += countTokens(run.slice(at, end));
      at = end;
    }
    from = match.index + run.length;
  }
  return total + (from === 0 ? countTokens(text) : from < text.length ? countTokens(text.slice(from)) : 0);
}
