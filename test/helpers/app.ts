/** The server's app in-process, built as `serve` builds it, over a temporary SQLite file, with a clock the test controls. */
import type { Backend } from '../../src/server/backends/backend.js';
import { buildServer, keyFor } from '../../src/server/build.js';
import type { SmsSender } from '../../src/server/sms.js';
import { findAccountByName } from '../../src/server/store/accounts.js';
import { countPromptTokens, loadTokenCounter } from '../../src/tokens/estimate.js';
import { tempDir } from './procs.js';

export async function inProcessServer(o: { backend?: Backend; holdTtlMs?: number; start?: string; sms?: SmsSender } = {}) {
  let now = new Date(o.start ?? '2026-11-26T10:00:00Z');
  const clock = () => now;
  const counter = await loadTokenCounter();
  const { db, meter, app } = buildServer({
    dataDir: tempDir('tokencli-app-'),
    now: clock,
    // In-process tests count on their own thread: the worker pool runs from the built tree (see bounded-work.e2e).
    counter: { count: async (messages) => countPromptTokens(messages, counter) },
    demoDelayMs: 0,
    ...(o.backend ? { backend: o.backend } : {}),
    ...(o.sms ? { sms: o.sms } : {}),
    defaultMaxTokens: 256,
    holdTtlMs: o.holdTtlMs ?? 60_000,
    progressIntervalMs: 1000,
    rateLimit: { perSecond: 1000, burst: 1000 },
    maxBodyBytes: 1 << 20,
    paymentDelayMs: 0,
  });
  const key = keyFor(db, 'test', now);
  const account = findAccountByName(db, 'test')!;
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
