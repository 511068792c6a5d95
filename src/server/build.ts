/**
 * The one place the reference server is wired: its store opened and its catalogue seeded, the
 * meter, the backend and the app built from options. `listen.ts` (which opens the port), `serve keys
 * create` and the tests' in-process app all build through here, so a new dependency is added once.
 */
import { createApp, type App } from './app.js';
import type { Backend } from './backends/backend.js';
import { DemoBackend } from './backends/demo.js';
import { UpstreamBackend, type UpstreamOptions } from './backends/upstream.js';
import type { PromptCounter } from './count-pool.js';
import { Meter, type MeterOptions } from './meter.js';
import type { RateLimitOptions } from './rate-limit.js';
import { ensureAccount, mintKey, phoneOf, setAccountPhone } from './store/accounts.js';
import { maskPhone } from './phone.js';
import { seedPlans } from './store/catalogue.js';
import { sharedSecret } from './store/secrets.js';
import { seedSubscriptionPlans } from './store/subscriptions.js';
import { openServerDb, type DatabaseTarget, type Db } from './store/db.js';
import { DemoSms, type SmsSender } from './sms.js';
import { DEFAULT_PHONE_BILL, type PhoneBillOptions } from './store/payments.js';
import type { DeviceFlowOptions } from './device/grant.js';

export const DEMO_ACCOUNT = 'demo';

export interface BuildOptions extends MeterOptions {
  database: DatabaseTarget;
  /** This replica's name, recorded on the holds it takes so that its next start settles them (store/leases.ts). */
  replicaId: string;
  now: () => Date;
  counter: PromptCounter;
  /** The demo models (with this pause between tokens) unless an upstream is given. */
  demoDelayMs: number;
  upstream?: Omit<UpstreamOptions, 'fetch'>;
  /** Replaces the backend the two options above would choose (tests script their own). */
  backend?: Backend;
  rateLimit: RateLimitOptions;
  maxBodyBytes: number;
  paymentDelayMs: number;
  /** Defaults to the demo gateway printing on stderr. */
  sms?: SmsSender;
  /** Defaults to DEFAULT_PHONE_BILL (five minutes to validate, ¥500 a month, three attempts). */
  phoneBill?: Partial<PhoneBillOptions>;
  /** Defaults to 0: invoices are issued as soon as they are asked for. */
  invoiceDelayMs?: number;
  deviceFlow?: DeviceFlowOptions;
}

export interface BuiltServer {
  db: Db;
  meter: Meter;
  app: App;
  /** Generations in flight, so that a shutdown can stop them after its grace period. */
  inflight: Set<AbortController>;
  /** The demo account's key, present only when this build created the database. */
  demoKey?: string;
}

/** Opens (creating or migrating) the server's database with the catalogue seeded. */
export async function openStore(database: DatabaseTarget, now: () => Date): Promise<{ db: Db; created: boolean }> {
  const opened = await openServerDb(database, now);
  await seedPlans(opened.db);
  await seedSubscriptionPlans(opened.db);
  return opened;
}

/** An account's phone number is where its codes go and how it signs in: minting a key never replaces it. */
export class PhoneAlreadySetError extends Error {
  constructor(readonly accountName: string, readonly current: string) {
    super(`account "${accountName}" already has the phone number ${maskPhone(current)}`);
  }
}

/**
 * Mints a key for the named account, creating the account (with no packs) when it is new, and
 * gives it the phone number (E.164) when one is passed and it has none (the same number again is fine).
 */
export function keyFor(db: Db, accountName: string, now: Date, phone?: string): Promise<string> {
  return db.transaction(async (tx) => {
    const account = await ensureAccount(tx, accountName, now);
    if (phone) {
      const current = await phoneOf(tx, account.id);
      if (current !== undefined && current !== phone) throw new PhoneAlreadySetError(accountName, current);
      if (current === undefined) await setAccountPhone(tx, account.id, phone);
    }
    return mintKey(tx, account.id, now);
  });
}

export async function buildServer(o: BuildOptions): Promise<BuiltServer> {
  const { db, created } = await openStore(o.database, o.now);
  const backend = o.backend ?? (o.upstream ? new UpstreamBackend(o.upstream) : new DemoBackend({ delayMs: o.demoDelayMs }));
  const meter = new Meter(db, o.counter, o.now, { defaultMaxTokens: o.defaultMaxTokens, holdTtlMs: o.holdTtlMs, progressIntervalMs: o.progressIntervalMs }, o.replicaId);
  const inflight = new Set<AbortController>();
  const sms = o.sms ?? new DemoSms({ log: (line) => console.error(line), now: o.now });
  const webSecret = await sharedSecret(db, 'device_pages_csrf');
  const app = createApp({ webSecret, db, meter, backend, now: o.now, rateLimit: o.rateLimit, maxBodyBytes: o.maxBodyBytes, paymentDelayMs: o.paymentDelayMs, inflight, sms, phoneBill: { ...DEFAULT_PHONE_BILL, ...o.phoneBill }, invoiceDelayMs: o.invoiceDelayMs ?? 0, ...(o.deviceFlow ? { deviceFlow: o.deviceFlow } : {}) });
  const built: BuiltServer = { db, meter, app, inflight };
  if (created) built.demoKey = await keyFor(db, DEMO_ACCOUNT, o.now());
  return built;
}

/** `serve keys create`: a key for an account of the server's database, without starting a server. */
export async function createKey(database: DatabaseTarget, accountName: string, now: () => Date = () => new Date(), phone?: string): Promise<string> {
  const { db } = await openStore(database, now);
  try {
    return await keyFor(db, accountName, now(), phone);
  } finally {
    await db.close();
  }
}
