/**
 * Token counting with the o200k_base encoding. The tokenizer's tables take a few hundred
 * milliseconds to load, so it is imported only when a count is actually needed. The server and the
 * CLI both count here, so their numbers agree, also on pathological text (see pretokens.ts).
 */
import type { ChatMessage } from '../shared/wire.js';
import { countWithBoundedPretokens } from './pretokens.js';

export interface TokenCounter {
  /**
   * Throws CountStopped (see pretokens.ts) when `shouldStop`, asked every few milliseconds with the
   * tokens counted so far, says so.
   */
  count(text: string, shouldStop?: (countedSoFar: number) => boolean): number;
}

let loading: Promise<TokenCounter> | undefined;

/** Special-token text such as "<|endoftext|>" in a prompt is counted as the plain text it is, not refused. */
const AS_PLAIN_TEXT = { disallowedSpecial: new Set<string>() };

export function loadTokenCounter(): Promise<TokenCounter> {
  loading ??= Promise.all([import('gpt-tokenizer/encoding/o200k_base'), import('gpt-tokenizer/encodingParams/constants')]).then(([m, c]) => {
    const countTokens = (text: string) => m.countTokens(text, AS_PLAIN_TEXT);
    return { count: (text: string, shouldStop?: (countedSoFar: number) => boolean) => countWithBoundedPretokens(text, countTokens, c.O200K_TOKEN_SPLIT_REGEX, shouldStop) };
  });
  return loading;
}

/** The longest o200k_base token is 128 bytes (a run of spaces), so a text of n bytes has at least n/128 tokens. */
export const MAX_TOKEN_BYTES = 128;

/** Per-message framing and reply priming, as the OpenAI cookbook counts them. */
const TOKENS_PER_MESSAGE = 3;
const TOKENS_PER_NAME = 1;
const REPLY_PRIMING = 3;

export function messageText(content: ChatMessage['content']): string {
  if (content === null) return '';
  if (typeof content === 'string') return content;
  return content.map((part) => part.text ?? '').join('');
}

/**
 * The fewest tokens `countPromptTokens` can return for these messages, from their byte lengths alone:
 * enough to refuse an oversized prompt without counting it.
 */
export function promptTokensLowerBound(messages: readonly ChatMessage[]): number {
  const atLeast = (text: string) => Math.ceil(Buffer.byteLength(text) / MAX_TOKEN_BYTES);
  let total = REPLY_PRIMING;
  for (const m of messages) {
    total += TOKENS_PER_MESSAGE + atLeast(m.role) + atLeast(messageText(m.content));
    if (m.name) total += TOKENS_PER_NAME + atLeast(m.name);
  }
  return total;
}

/**
 * Estimated prompt tokens of a chat request: what the server holds for, and what the CLI shows.
 * `shouldStop` is asked every few milliseconds with the prompt's tokens counted so far.
 */
export function countPromptTokens(messages: readonly ChatMessage[], counter: TokenCounter, shouldStop?: (countedSoFar: number) => boolean): number {
  let total = REPLY_PRIMING;
  const count = (text: string) => counter.count(text, shouldStop && ((soFar) => shouldStop(total + soFar)));
  for (const m of messages) {
    total += TOKENS_PER_MESSAGE;
    total += count(m.role);
    total += count(messageText(m.content));
    if (m.name) {
      total += TOKENS_PER_NAME;
      total += count(m.name);
    }
  }
  return total;
}

/**
 * A bound that `countPromptTokens` never exceeds, computed without loading the tokenizer: every
 * token of a byte-level BPE covers at least one UTF-8 byte. The ledger reserves a run's worst case
 * with it before the request leaves, which must not wait for the tokenizer's tables.
 */
export function promptTokensUpperBound(messages: readonly ChatMessage[]): number {
  let total = REPLY_PRIMING;
  for (const m of messages) {
    total += TOKENS_PER_MESSAGE + Buffer.byteLength(m.role) + Buffer.byteLength(messageText(m.content));
    if (m.name) total += TOKENS_PER_NAME + Buffer.byteLength(m.name);
  }
  return total;
}
