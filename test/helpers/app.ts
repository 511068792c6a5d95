/** The server's app in-process, over a temporary SQLite file, with a clock the test controls. */
import { createApp } from '../../src/server/app.js';
import { DemoBackend } from '../../src/server/backends/demo.js';
import type { Backend } from '../../src/server/backends/backend.js';
import { Meter } from '../../src/server/metering.js';
import { createAccount, mintKey } from '../../src/server/store/accounts.js';
import { seedPlans } from '../../src/server/store/catalogue.js';
import { openServerDb } from '../../src/server/store/db.js';
import { countPromptTokens, loadTokenCounter } from '../../src/tokens/estimate.js';
import { tempDir } from './procs.js';

export async function inProcessServer(o: { backend?: Backend; holdTtlMs?: number; start?: string } = {}) {
  let now = new Date(o.start ?? '2026-11-26T10:00:00Z');
  const clock = () => now;
  const { db } = openServerDb(tempDir('tokencli-app-'), clock);
  seedPlans(db);
  const account = createAccount(db, 'test', now);
  const key = mintKey(db, account.id, now);
  const counter = await loadTokenCounter();
  // In-process tests count on their own thread: the worker pool runs from the built tree (see bounded-work.e2e).
  const meter = new Meter(db, { count: async (messages) => countPromptTokens(messages, counter) }, clock, { defaultMaxTokens: 256, holdTtlMs: o.holdTtlMs ?? 60_000, progressIntervalMs: 1000 });
  const app = createApp({
    db,
    meter,
    backend: o.backend ?? new DemoBackend({ delayMs: 0 }),
    now: clock,
    rateLimit: { perSecond: 1000, burst: 1000 },
    maxBodyBytes: 1 << 20,
    paymentDelayMs: 0,
    inflight: new Set(),
  });
  return {
    db,
    meter,
    account,
    key,
    app,
    /** A fetch that goes straight into the app: no port, no network. */
    fetch: (url: string, init?: RequestInit) => Promise.resolve(app.fetch(new Request(url, init))),
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
  };
}
