/**
 * Opens the port for a server built by build.ts: the only file that listens.
 * Shutting down stops accepting, lets in-flight requests settle (stopping generations after a grace
 * period, which bills what they produced), then closes the database.
 * On PostgreSQL this process is one replica of several: it settles, now and then, the holds whose
 * lease lapsed because the replica running them died (store/leases.ts).
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { buildServer } from './build.js';
import { answerClientError } from './client-errors.js';
import type { UpstreamOptions } from './backends/upstream.js';
import { CountPool, defaultPoolSize } from './count-pool.js';
import { DemoSms } from './sms.js';
import { settleAbandonedHolds } from './store/leases.js';
import type { PhoneBillOptions } from './store/payments.js';
import type { RateLimitOptions } from './rate-limit.js';
import type { DatabaseTarget, Db } from './store/db.js';
import type { DeviceFlowOptions } from './device/grant.js';

export interface ServerOptions {
  database: DatabaseTarget;
  /** This replica's name; a restart under the same name settles its earlier holds at once. */
  replicaId: string;
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
  /** Each SMS the server sends is also appended here as a JSON line. */
  smsOutbox?: string;
  phoneBill?: Partial<PhoneBillOptions>;
  invoiceDelayMs?: number;
  /** Device logins' poll interval and lifetime. */
  deviceFlow?: DeviceFlowOptions;
  now?: () => Date;
}

export interface RunningServer {
  url: string;
  /** The demo account's key, present only when this start created the database. */
  demoKey?: string;
  close(): Promise<void>;
}

/** After the grace period, how long stopped generations have to settle before every connection is cut. */
const SETTLE_AFTER_ABORT_MS = 1000;

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const now = opts.now ?? (() => new Date());
  const counter = new CountPool({ size: defaultPoolSize(), deadlineMs: opts.countDeadlineMs });
  const sms = new DemoSms({ log: (line) => console.error(line), now, ...(opts.smsOutbox ? { outboxFile: opts.smsOutbox } : {}) });
  // A database that cannot be opened must not leave the counting threads running.
  const { db, app, inflight, demoKey } = await buildServer({ ...opts, now, counter, sms }).catch(async (e: unknown) => {
    await counter.close();
    throw e;
  });
  // Holds left by a process that is gone: bill what they delivered, free the rest. The only server of
  // a SQLite data directory may take every active hold for such; a replica, only its own and lapsed ones.
  const shared = opts.database.postgres !== undefined;
  const recovered = await settleAbandonedHolds(db, now(), shared ? { lapsed: true, owner: opts.replicaId } : { all: true });
  if (recovered > 0) console.error(`settled ${recovered} request(s) left running by a previous process at their last recorded progress`);
  const sweep = shared ? sweepLapsedHolds(db, now, opts.holdTtlMs) : undefined;

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
      let hardStop: NodeJS.Timeout | undefined;
      const grace = setTimeout(() => {
        for (const c of inflight) c.abort();
        server.closeIdleConnections();
        // Generations just stopped get a moment to settle and answer; then connections that never
        // became idle (a browser's preconnected socket, a request whose headers never finished) are cut,
        // or they would keep the process up until their own timeouts.
        hardStop = setTimeout(() => server.closeAllConnections(), SETTLE_AFTER_ABORT_MS);
      }, opts.shutdownGraceMs);
      // A keep-alive connection becomes idle when its last response ends: close those as they appear.
      const idleSweep = setInterval(() => server.closeIdleConnections(), 50);
      server.close(() => {
        clearTimeout(grace);
        clearTimeout(hardStop);
        clearInterval(idleSweep);
        clearInterval(sweep);
        void Promise.all([db.close(), counter.close()]).then(() => resolve());
      });
      server.closeIdleConnections();
    }));

  const running: RunningServer = { url: `http://${host}:${address.port}`, close };
  if (demoKey) running.demoKey = demoKey;
  return running;
}

/**
 * Every half lease (at least each second, at most each minute), settles the holds of any replica
 * whose lease lapsed: a replica killed mid-stream has its delivered tokens billed by the others.
 */
function sweepLapsedHolds(db: Db, now: () => Date, holdTtlMs: number): NodeJS.Timeout {
  let running = false;
  const timer = setInterval(
    () => {
      if (running) return;
      running = true;
      settleAbandonedHolds(db, now(), { lapsed: true })
        .then((n) => n > 0 && console.error(`settled ${n} request(s) whose replica stopped renewing them, at their last recorded progress`))
        .catch((e: Error) => console.error(`settling lapsed holds: ${e.message}`))
        .finally(() => (running = false));
    },
    Math.min(60_000, Math.max(1000, holdTtlMs / 2)),
  );
  timer.unref();
  return timer;
}
