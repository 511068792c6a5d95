/**
 * Bounded-cost counting. Byte-pair encoding takes time quadratic in the length of one pre-token
 * (a stretch the o200k_base split pattern keeps whole, such as a run of one letter, of spaces or of
 * CJK characters without punctuation): 1 MB of "aaaa…" took minutes. Such a run is counted here in
 * slices of at most MAX_PRETOKEN_CHARS. Pre-tokens of real text are far shorter than a slice, so
 * their counts are exactly the tokenizer's. The rest of the text is counted in pieces cut at
 * pre-token boundaries, which changes no count, so that a caller can stop a long count between them.
 */

/** Beyond this, a pre-token's cost grows visibly faster than its length; real words stay far below. */
export const MAX_PRETOKEN_CHARS = 512;
/** Text is counted in pieces of about this many characters: a few milliseconds of work each. */
export const PIECE_CHARS = 16_384;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** Thrown by countWithBoundedPretokens when `shouldStop` says so. */
export class CountStopped extends Error {}

/**
 * Counts `text` with `countTokens`, slicing every pre-token (a match of `splitPattern`, the
 * tokenizer's own split pattern, global) that is longer than MAX_PRETOKEN_CHARS. `shouldStop` is
 * asked between pieces with the tokens counted so far; when it answers true the count throws
 * CountStopped.
 */
export function countWithBoundedPretokens(
  text: string,
  countTokens: (text: string) => number,
  splitPattern: RegExp,
  shouldStop: (countedSoFar: number) => boolean = () => false,
): number {
  let total = 0;
  let from = 0;
  const count = (piece: string) => {
    if (shouldStop(total)) throw new CountStopped('the count was stopped');
    total += countTokens(piece);
  };
  for (const match of text.matchAll(splitPattern)) {
    const run = match[0];
    // Text up to a pre-token boundary tokenizes alone exactly as it does within the whole.
    if (run.length <= MAX_PRETOKEN_CHARS) {
      if (match.index - from >= PIECE_CHARS) {
        count(text.slice(from, match.index));
        from = match.index;
      }
      continue;
    }
    if (match.index > from) count(text.slice(from, match.index));
    for (let at = 0; at < run.length; ) {
      let end = Math.min(at + MAX_PRETOKEN_CHARS, run.length);
      // Never cut a surrogate pair in two.
      if (end < run.length && isHighSurrogate(run.charCodeAt(end - 1))) end--;
      count(run.slice(at, end));
      at = end;
    }
    from = match.index + run.length;
  }
  if (from < text.length) count(from === 0 ? text : text.slice(from));
  return total;
}
