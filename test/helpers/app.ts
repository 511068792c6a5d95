/**
 * The server's app in-process, built as `serve` builds it, with a clock the test controls: over a
 * temporary SQLite file, or a fresh PostgreSQL database in the `postgres` project (helpers/pg.ts).
 */
import { onTestFinished } from 'vitest';
import type { Backend } from '../../src/server/backends/backend.js';
import { buildServer, keyFor } from '../../src/server/build.js';
import type { SmsSender } from '../../src/server/sms.js';
import { findAccountByName } from '../../src/server/store/accounts.js';
import { getPlan } from '../../src/server/store/catalogue.js';
import { recordPurchase } from '../../src/server/store/purchases.js';
import type { DatabaseTarget } from '../../src/server/store/db.js';
import { countPromptTokens, loadTokenCounter } from '../../src/tokens/estimate.js';
import { freshDatabase, onPostgres } from './pg.js';
import { tempDir } from './procs.js';

/** A new, empty database of the store under test. */
export const freshTarget = async (): Promise<DatabaseTarget> =>
  onPostgres ? { postgres: { url: await freshDatabase(), poolSize: 4, timeoutMs: 10_000 } } : { dataDir: tempDir('tokencli-app-') };

export async function inProcessServer(o: { backend?: Backend; holdTtlMs?: number; start?: string; sms?: SmsSender } = {}) {
  let now = new Date(o.start ?? '2026-11-26T10:00:00Z');
  const clock = () => now;
  const counter = await loadTokenCounter();
  const { db, meter, app } = await buildServer({
    database: await freshTarget(),
    replicaId: 'in-process',
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
  onTestFinished(() => db.close());
  const key = await keyFor(db, 'test', now);
  const account = (await findAccountByName(db, 'test'))!;
  return {
    db,
    meter,
    account,
    key,
    app,
    /** A fetch that goes straight into the app: no port, no network. */
    fetch: (url: string, init?: RequestInit) => Promise.resolve(app.fetch(new Request(url, init))),
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
    /** A paid purchase recorded directly, at a time of the test's choosing. */
    buyAt: async (planId: string, at: Date) => {
      const plan = (await getPlan(db, planId))!;
      return db.transaction((tx) => recordPurchase(tx, account.id, plan, 1, at));
    },
  };
}
