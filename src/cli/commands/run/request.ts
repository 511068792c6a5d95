/**
 * One prompt run on the wire: sends the request, writes the answer to stdout as it arrives (one
 * write per network read, not per token), made safe for a terminal unless --raw, and reports how
 * it ended without deciding what that means for the ledger or the exit code.
 */
import type { TokenClient } from '../../../client/client.js';
import type { HeaderBag } from '../../../client/wire-response.js';
import { completionChunk } from '../../../client/sse.js';
import type { ChatChunk, ChatMessage, ChatRequest, ChatUsage } from '../../../shared/wire.js';
import type { IOStreams } from '../../io/streams.js';
import { visibleControls } from '../../io/terminal-text.js';
import { monotonicMs } from '../../../shared/monotonic.js';
import type { AnswerText } from './answer-text.js';

export interface RequestPlan {
  runId: string;
  model: string;
  messages: ChatMessage[];
  maxTokens?: number;
  temperature?: number;
  stream: boolean;
  /** Print the answer on stdout (not under --json). */
  print: boolean;
  /** Keep control sequences of the answer as they are, also on a terminal. */
  raw: boolean;
  /** Where the answer's text goes as it arrives (not into one growing string: see AnswerText). */
  text: AnswerText;
}

export interface Answer {
  text: AnswerText;
  finishReason: string | null;
  /** The server's usage, when it sent one. */
  usage?: ChatUsage;
  /** Why the run stopped early: a signal's name, or 'stdout closed'. */
  stoppedBy?: string;
  failure?: unknown;
  durationMs: number;
  ttftMs: number | null;
  /** The answer's headers, once they arrived: a Token Plan server puts the quota windows there. */
  headers?: HeaderBag;
}

export async function sendPrompt(io: IOStreams, client: TokenClient, plan: RequestPlan, interrupt: AbortSignal): Promise<Answer> {
  const controller = new AbortController();
  const stop = (reason: string) => () => {
    if (!controller.signal.aborted) controller.abort(reason);
  };
  const onInterrupt = () => stop(String(interrupt.reason ?? 'SIGINT'))();
  const onClosed = stop('stdout closed');
  interrupt.addEventListener('abort', onInterrupt, { once: true });
  io.stdoutClosed.addEventListener('abort', onClosed, { once: true });
  if (interrupt.aborted) onInterrupt();

  const body: ChatRequest = {
    model: plan.model,
    messages: plan.messages,
    ...(plan.maxTokens !== undefined ? { max_tokens: plan.maxTokens } : {}),
    ...(plan.temperature !== undefined ? { temperature: plan.temperature } : {}),
  };
  const safeForTerminal = io.isStdoutTTY && !plan.raw;
  const started = monotonicMs();
  const answer: Answer = { text: plan.text, finishReason: null, durationMs: 0, ttftMs: null };
  const spinner = io.spinner(`Asking ${plan.model}`);
  /** Text in whole characters, as it arrives: to the answer (and the history), and to stdout. */
  const emit = (text: string) => {
    if (answer.ttftMs === null) {
      answer.ttftMs = Math.round(monotonicMs() - started);
      spinner.stop();
    }
    answer.text.add(text);
    if (plan.print) io.out(safeForTerminal ? visibleControls(text) : text);
  };
  /** The first UTF-16 half of a character whose second half is in the next read. */
  let firstHalf = '';
  /**
   * One network read's chunks, whose text leaves in one write: per read, not per token (a
   * 30,000-token answer was 30,000 write calls), and at once. Held for the end of the event-loop
   * turn, which can take many reads when the client is behind, that text outlived V8's young
   * collections and was promoted: a 10 MB answer grew the old generation by ~5 MB that way.
   */
  const take = (chunks: ChatChunk[]) => {
    const pieces: string[] = [firstHalf];
    for (const chunk of chunks) {
      if (chunk.usage) answer.usage = chunk.usage;
      for (const choice of chunk.choices ?? []) {
        if (choice.delta?.content) pieces.push(choice.delta.content);
        if (choice.finish_reason) answer.finishReason = choice.finish_reason;
      }
    }
    // Joined, not added up: `+=` token by token keeps every token alive as a node of the answer's
    // string (a 10 MB answer held ~100 MB that way); a join makes one flat string per read.
    let text = pieces.join('');
    // A character of two UTF-16 units may come split between two reads: its first half waits for
    // the second, or stdout and the history would each get U+FFFD for it.
    const last = text.charCodeAt(text.length - 1);
    firstHalf = last >= 0xd800 && last <= 0xdbff ? text.slice(-1) : '';
    if (firstHalf) text = text.slice(0, -1);
    if (text) emit(text);
  };
  try {
    const call = { signal: controller.signal, idempotencyKey: plan.runId, onHeaders: (h: HeaderBag) => (answer.headers = h) };
    if (plan.stream) {
      for await (const chunks of await client.chat.streamBatches(body, call)) take(chunks);
    } else {
      take([completionChunk(await client.chat.create(body, call))]);
    }
  } catch (e) {
    answer.failure = e;
  } finally {
    // A half that never got its second goes as it came.
    if (firstHalf) emit(firstHalf);
    spinner.stop();
    interrupt.removeEventListener('abort', onInterrupt);
    io.stdoutClosed.removeEventListener('abort', onClosed);
  }
  answer.durationMs = Math.round(monotonicMs() - started);
  if (controller.signal.aborted) answer.stoppedBy = String(controller.signal.reason);
  if (plan.print && answer.text.length > 0 && !answer.text.endsWithNewline) io.out('\n');
  return answer;
}
