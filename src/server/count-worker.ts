/**
 * The worker side of the token-counting pool: loads the tokenizer once, then answers one message at
 * a time with the prompt tokens of a chat request, so that a long count never holds the server's
 * event loop. A count that passes its deadline stops between two pieces of a few milliseconds and
 * says so, and the worker stays ready for the next one; a count that passes the request's limit
 * (what the model's context leaves for the prompt) stops there too, as nothing past it matters. The pool starts a worker on this module's
 * own URL, which holds for the compiled tree and for the bundle alike (there this code lands in a
 * chunk whose name is known only at build time); everything else that loads alongside it only
 * defines things.
 */
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { ChatMessage } from '../shared/wire.js';
import { countPromptTokens, loadTokenCounter } from '../tokens/estimate.js';
import { CountStopped } from '../tokens/pretokens.js';

export const COUNT_WORKER_URL = new URL(import.meta.url);
/** Marks a worker as ours, so that this module loaded in any other worker stays inert. */
export const COUNT_WORKER_DATA = { role: 'tokencli-prompt-counter' } as const;

/** `limit`: past this many tokens the exact count does not matter, only that it is over. */
export type ToWorker = { messages: ChatMessage[]; deadlineMs: number; limit: number };
/** `counted` holds a number over the limit, at least, when the count stopped there. */
export type FromWorker = { type: 'ready' } | { type: 'counted'; tokens: number } | { type: 'overrun' } | { type: 'failed'; message: string };

async function serve(port: MessagePort): Promise<void> {
  const counter = await loadTokenCounter();
  port.on('message', ({ messages, deadlineMs, limit }: ToWorker) => {
    const stopAt = performance.now() + deadlineMs;
    let over: number | undefined;
    const shouldStop = (soFar: number) => {
      if (soFar > limit) over = soFar;
      return over !== undefined || performance.now() > stopAt;
    };
    let answer: FromWorker;
    try {
      answer = { type: 'counted', tokens: countPromptTokens(messages, counter, shouldStop) };
    } catch (e) {
      if (!(e instanceof CountStopped)) answer = { type: 'failed', message: (e as Error).message };
      else answer = over !== undefined ? { type: 'counted', tokens: over } : { type: 'overrun' };
    }
    port.postMessage(answer);
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}

if (!isMainThread && parentPort && (workerData as typeof COUNT_WORKER_DATA | undefined)?.role === COUNT_WORKER_DATA.role) {
  void serve(parentPort);
}
