/**
 * Counts prompt tokens off the event loop, in a pool of worker threads sized to the machine. Each
 * count has a deadline: a worker still counting when it passes is terminated (nothing else stops a
 * synchronous loop) and replaced, and the request gets a 400 instead of a server that hangs.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChatMessage } from '../shared/wire.js';
import { COUNT_WORKER_DATA, COUNT_WORKER_URL, type FromWorker, type ToWorker } from './count-worker.js';
import { ApiProblem, badRequest } from './errors.js';

export interface PromptCounter {
  count(messages: ChatMessage[]): Promise<number>;
}

interface Job {
  messages: ChatMessage[];
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

  count(messages: ChatMessage[]): Promise<number> {
    if (this.closed) return Promise.reject(new Error('the counting pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ messages, resolve, reject });
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
      else this.finish(slot, (job) => (m.type === 'counted' ? job.resolve(m.tokens) : job.reject(new Error(m.message))));
      this.dispatch();
    });
    slot.worker.on('error', (e) => {
      console.error(e);
      this.finish(slot, (job) => job.reject(new ApiProblem(500, 'server_error', 'counting the prompt failed', 'internal_error')));
      // A worker that never became ready would fail the same way again: do not loop on it.
      const replace = slot.ready;
      void this.retire(slot).then(() => replace && !this.closed && this.spawn());
    });
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.job || this.queue.length === 0) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.deadline = setTimeout(() => this.overrun(slot), this.opts.deadlineMs);
      slot.worker.postMessage({ messages: job.messages } satisfies ToWorker);
    }
  }

  private finish(slot: Slot, settle: (job: Job) => void): void {
    clearTimeout(slot.deadline);
    const job = slot.job;
    slot.job = undefined;
    if (job) settle(job);
  }

  private overrun(slot: Slot): void {
    this.finish(slot, (job) =>
      job.reject(badRequest(`counting this prompt's tokens took longer than ${this.opts.deadlineMs} ms: send a shorter or plainer prompt`, 'messages', 'prompt_too_expensive')),
    );
    void this.retire(slot).then(() => !this.closed && (this.spawn(), this.dispatch()));
  }

  private async retire(slot: Slot): Promise<void> {
    this.slots.delete(slot);
    slot.worker.removeAllListeners('message');
    await slot.worker.terminate();
  }
}
