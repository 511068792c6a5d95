/**
 * Counts prompt tokens off the event loop, in a pool of worker threads sized to the machine. Each
 * count has a deadline: the worker stops it there and the request gets a 400 instead of a server
 * that hangs. A worker that does not answer long after the deadline is terminated (nothing else
 * stops a synchronous loop) and replaced. The smallest prompt waiting goes first, so that a queue of huge
 * prompts does not delay ordinary ones.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChatMessage } from '../shared/wire.js';
import { messageText } from '../tokens/estimate.js';
import { COUNT_WORKER_DATA, COUNT_WORKER_URL, type FromWorker, type ToWorker } from './count-worker.js';
import { ApiProblem, badRequest } from './errors.js';

export interface PromptCounter {
  /** The prompt's tokens; once past `limit`, counting may stop and answer any number above it. */
  count(messages: ChatMessage[], limit?: number): Promise<number>;
}

interface Job {
  messages: ChatMessage[];
  limit: number;
  chars: number;
  resolve(tokens: number): void;
  reject(e: Error): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job;
  deadline?: NodeJS.Timeout;
}

/** One core stays with the event loop, so that counting cannot slow the answers to everything else. */
export const defaultPoolSize = () => Math.max(1, availableParallelism() - 1);

export class CountPool implements PromptCounter {
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private closed = false;

  constructor(
    private readonly opts: { size: number; deadlineMs: number },
  ) {
    for (let i = 0; i < opts.size; i++) this.spawn();
  }

  count(messages: ChatMessage[], limit = Number.MAX_SAFE_INTEGER): Promise<number> {
    if (this.closed) return Promise.reject(new Error('the counting pool is closed'));
    return new Promise((resolve, reject) => {
      const chars = messages.reduce((n, m) => n + messageText(m.content).length, 0);
      this.queue.push({ messages, limit, chars, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('the server is shutting down'));
    await Promise.all([...this.slots].map((s) => this.retire(s)));
  }

  private spawn(): void {
    const slot: Slot = { worker: new Worker(COUNT_WORKER_URL, { workerData: COUNT_WORKER_DATA }), ready: false };
    this.slots.add(slot);
    slot.worker.on('message', (m: FromWorker) => {
      if (m.type === 'ready') slot.ready = true;
      else if (m.type === 'counted') this.finish(slot, (job) => job.resolve(m.tokens));
      else if (m.type === 'overrun') this.finish(slot, (job) => job.reject(this.tooExpensive()));
      else this.finish(slot, (job) => job.reject(new Error(m.message)));
      this.dispatch();
    });
    slot.worker.on('error', (e) => {
      console.error(e);
      this.finish(slot, (job) => job.reject(new ApiProblem(500, 'server_error', 'counting the prompt failed', 'internal_error')));
      // A worker that never became ready would fail the same way again: do not loop on it.
      const replace = slot.ready;
      void this.retire(slot).then(() => {
        if (replace && !this.closed) return this.spawn();
        if (this.slots.size > 0) return;
        // No worker can start: fail now rather than leave requests waiting for one.
        this.closed = true;
        for (const job of this.queue.splice(0)) job.reject(new ApiProblem(500, 'server_error', 'no worker can count prompts', 'internal_error'));
      });
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.job || this.queue.length === 0) continue;
      const smallest = this.queue.reduce((best, job, i) => (job.chars < this.queue[best]!.chars ? i : best), 0);
      const job = this.queue.splice(smallest, 1)[0]!;
      slot.job = job;
      slot.deadline = setTimeout(() => this.stuck(slot), this.backstopMs());
      slot.worker.postMessage({ messages: job.messages, deadlineMs: this.opts.deadlineMs, limit: job.limit } satisfies ToWorker);
    }
  }

  private finish(slot: Slot, settle: (job: Job) => void): void {
    clearTimeout(slot.deadline);
    const job = slot.job;
    slot.job = undefined;
    if (job) settle(job);
  }

  /**
   * When a worker that has not answered is given up on. The worker enforces the deadline itself;
   * this only catches one that cannot (a synchronous loop), so it allows for a busy machine
   * delaying the worker's start and its answer: a backstop as tight as the deadline turned ordinary
   * prompts into 400s whenever the CPU was contended.
   */
  private backstopMs(): number {
    return this.opts.deadlineMs + Math.max(this.opts.deadlineMs, 1000);
  }

  private tooExpensive(): ApiProblem {
    return badRequest(`counting this prompt's tokens took longer than ${this.opts.deadlineMs} ms: send a shorter or plainer prompt`, 'messages', 'prompt_too_expensive');
  }

  private stuck(slot: Slot): void {
    this.finish(slot, (job) => job.reject(this.tooExpensive()));
    void this.retire(slot).then(() => !this.closed && (this.spawn(), this.dispatch()));
  }

  private async retire(slot: Slot): Promise<void> {
    this.slots.delete(slot);
    slot.worker.removeAllListeners('message');
    await slot.worker.terminate();
  }
}
