/**
 * Wires the reference server from its options and opens the port: the only file that listens.
 * Shutting down stops accepting, lets in-flight requests settle (stopping generations after a grace
 * period, which bills what they produced), then closes the database.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { answerClientError } from './client-errors.js';
import type { Backend } from './backends/backend.js';
import { DemoBackend } from './backends/demo.js';
import { UpstreamBackend, type UpstreamOptions } from './backends/upstream.js';
import { CountPool, defaultPoolSize } from './count-pool.js';
import { Meter } from './metering.js';
import { createAccount, findAccountByName, mintKey } from './store/accounts.js';
import { seedPlans } from './store/catalogue.js';
import { settleAbandonedHolds } from './store/leases.js';
import { openServerDb } from './store/db.js';
import type { RateLimitOptions } from './rate-limit.js';

export const DEMO_ACCOUNT = 'demo';

export interface ServerOptions {
  dataDir: string;
  host: string;
  port: number;
  demoDelayMs: number;
  upstream?: Omit<UpstreamOptions, 'fetch'>;
  rateLimit: RateLimitOptions;
  maxBodyBytes: number;
  defaultMaxTokens: number;
  holdTtlMs: number;
  progressIntervalMs: number;
  /** How long counting one prompt's tokens may take before the request gets a 400. */
  countDeadlineMs: number;
  paymentDelayMs: number;
  shutdownGraceMs: number;
  now?: () => Date;
}

export interface RunningServer {
  url: string;
  /** The demo account's key, present only when this start created the database. */
  demoKey?: string;
  close(): Promise<void>;
}

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const now = opts.now ?? (() => new Date());
  const { db, created } = openServerDb(opts.dataDir, now);
  seedPlans(db);
  // Holds still active were left by a process that is gone: bill what they delivered, free the rest.
  const recovered = db.transaction(() => settleAbandonedHolds(db, now())).immediate();
  if (recovered > 0) console.error(`settled ${recovered} request(s) left running by a previous process at their last recorded progress`);
  let demoKey: string | undefined;
  if (created) {
    const account = createAccount(db, DEMO_ACCOUNT, now());
    demoKey = mintKey(db, account.id, now());
  }
  const backend: Backend = opts.upstream ? new UpstreamBackend(opts.upstream) : new DemoBackend({ delayMs: opts.demoDelayMs });
  const counter = new CountPool({ size: defaultPoolSize(), deadlineMs: opts.countDeadlineMs });
  const meter = new Meter(db, counter, now, {
    defaultMaxTokens: opts.defaultMaxTokens,
    holdTtlMs: opts.holdTtlMs,
    progressIntervalMs: opts.progressIntervalMs,
  });
  const inflight = new Set<AbortController>();
  const app = createApp({ db, meter, backend, now, rateLimit: opts.rateLimit, maxBodyBytes: opts.maxBodyBytes, paymentDelayMs: opts.paymentDelayMs, inflight });

  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: opts.host, port: opts.port }, () => resolve(s as Server));
    s.once('error', reject);
  });
  server.on('clientError', answerClientError);
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= new Promise<void>((resolve) => {
      const grace = setTimeout(() => {
        for (const c of inflight) c.abort();
        server.closeIdleConnections();
      }, opts.shutdownGraceMs);
      // A keep-alive connection becomes idle when its last response ends: close those as they appear.
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      server.close(() => {
        clearTimeout(grace);
        clearInterval(sweep);
        db.close();
        void counter.close().then(resolve);
      });
      server.closeIdleConnections();
    }));

  const running: RunningServer = { url: `http://${host}:${address.port}`, close };
  if (demoKey) running.demoKey = demoKey;
  return running;
}

/** Mints a key for the named account, creating the account (with no packs) when it is new. */
export function createKey(dataDir: string, accountName: string, now: () => Date = () => new Date()): string {
  const { db } = openServerDb(dataDir, now);
  try {
    seedPlans(db);
    return db
      .transaction(() => {
        const account = findAccountByName(db, accountName) ?? createAccount(db, accountName, now());
        return mintKey(db, account.id, now());
      })
      .immediate();
  } finally {
    db.close();
  }
}
