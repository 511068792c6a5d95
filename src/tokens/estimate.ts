/**
 * Token counting with the o200k_base encoding. The tokenizer's tables take a few hundred
 * milliseconds to load, so it is imported only when a count is actually needed.
 */
import type { ChatMessage } from '../shared/wire.js';

export interface TokenCounter {
  count(text: string): number;
}

let loading: Promise<TokenCounter> | undefined;

export function loadTokenCounter(): Promise<TokenCounter> {
  loading ??= import('gpt-tokenizer/encoding/o200k_base').then((m) => ({ count: (text: string) => m.countTokens(text) }));
  return loading;
}

/** Per-message framing and reply priming, as the OpenAI cookbook counts them. */
const TOKENS_PER_MESSAGE = 3;
const TOKENS_PER_NAME = 1;
const REPLY_PRIMING = 3;

export function messageText(content: ChatMessage['content']): string {
  if (content === null) return '';
  if (typeof content === 'string') return content;
  return content.map((part) => part.text ?? '').join('');
}

/** Estimated prompt tokens of a chat request: what the server holds for, and what the CLI shows. */
export function countPromptTokens(messages: readonly ChatMessage[], counter: TokenCounter): number {
  let total = REPLY_PRIMING;
  for (const m of messages) {
    total += TOKENS_PER_MESSAGE + counter.count(m.role) + counter.count(messageText(m.content));
    if (m.name) total += TOKENS_PER_NAME + counter.count(m.name);
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
