/**
 * The reference Token Plan server as a value: `createApp(deps)` returns a Hono app whose `fetch`
 * handles a standard Request, so tests can drive it in-process and `listen.ts` is the only file that
 * opens a port. Errors are shaped in exactly one place, the `onError` handler below.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Account } from '../shared/wire.js';
import type { Backend } from './backends/backend.js';
import { ApiProblem, unauthorized } from './errors.js';
import type { Meter } from './meter.js';
import { RateLimiter, type RateLimitOptions } from './rate-limit.js';
import { registerAccountRoutes } from './routes/account.js';
import { registerChatRoutes } from './routes/chat.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerModelRoutes } from './routes/models.js';
import { registerPlanRoutes } from './routes/plans.js';
import { registerPurchaseRoutes } from './routes/purchases.js';
import { registerQuotaRoutes } from './routes/quota.js';
import { registerSubscriptionRoutes } from './routes/subscriptions.js';
import { tagRequestId } from './request-id.js';
import type { SmsSender } from './sms.js';
import type { PhoneBillOptions } from './store/payments.js';
import { registerPaymentRoutes } from './routes/payments.js';
import { registerStatementRoutes } from './routes/statements.js';
import type { DeviceFlowOptions } from './device/grant.js';
import { DEVICE_PUBLIC_ROUTES, registerDeviceLogin } from './device/register.js';
import type { Db } from './store/db.js';
import { accountForKey } from './store/accounts.js';

export interface AppDeps {
  db: Db;
  meter: Meter;
  backend: Backend;
  now: () => Date;
  rateLimit: RateLimitOptions;
  maxBodyBytes: number;
  /** Simulated latency of the payment step of a purchase. */
  paymentDelayMs: number;
  /** Generations in flight, so that a shutdown can stop them after its grace period. */
  inflight: Set<AbortController>;
  /** Sends the one-time codes of device logins and phone-bill payments. */
  sms: SmsSender;
  /** Expiry, monthly cap, attempts and resends of phone-bill payments. */
  phoneBill: PhoneBillOptions;
  /** How long after its request an invoice counts as issued; 0 issues it at once. */
  invoiceDelayMs: number;
  /** Signs the device pages' forms (CSRF); shared by the replicas of one database. */
  webSecret: Buffer;
  /** Device logins' poll interval and lifetime (RFC 8628); the defaults when absent. */
  deviceFlow?: DeviceFlowOptions;
}

export type AppEnv = { Variables: { account: Account } };
export type App = Hono<AppEnv>;

/** Endpoints that may be read without a key (DESIGN §3). */
const PUBLIC = new Set(['GET /v1/plans', 'GET /v1/subscription-plans', 'GET /v1/models', ...DEVICE_PUBLIC_ROUTES]);

export function createApp(deps: AppDeps): App {
  const app = new Hono<AppEnv>();
  const limiter = new RateLimiter(deps.rateLimit, () => deps.now().getTime());

  app.use(tagRequestId);

  const limitBody = bodyLimit({
    maxSize: deps.maxBodyBytes,
    onError: () => {
      throw new ApiProblem(413, 'request_too_large', `request body is larger than ${deps.maxBodyBytes} bytes`, 'request_too_large');
    },
  });
  // Only the methods the app takes a body with: asking a GET or HEAD for one makes
  // @hono/node-server build a full Request (and an AbortSignal), which cost the cheapest reads most of
  // their time, and even a middleware that only passes reads on costs each of them a layer of the chain.
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '*', limitBody);

  app.use('/v1/*', async (c, next) => {
    const header = c.req.header('authorization');
    // HEAD is a GET without the body (RFC 9110 §9.3.2): whatever GET may read without a key, so may HEAD.
    if (header === undefined && PUBLIC.has(`${c.req.method === 'HEAD' ? 'GET' : c.req.method} ${c.req.path}`)) return next();
    const key = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
    const account = key ? await accountForKey(deps.db, key) : undefined;
    if (!account) throw unauthorized();
    const wait = limiter.take(account.id);
    if (wait > 0) {
      throw new ApiProblem(429, 'rate_limit_exceeded', `too many requests: retry in ${wait}s`, 'rate_limit_exceeded', null, {
        'retry-after': String(wait),
      });
    }
    c.set('account', account);
    return next();
  });

  registerHealthRoutes(app, deps);
  registerAccountRoutes(app, deps);
  registerPlanRoutes(app, deps);
  registerPurchaseRoutes(app, deps);
  registerSubscriptionRoutes(app, deps);
  registerQuotaRoutes(app, deps);
  registerModelRoutes(app, deps);
  registerChatRoutes(app, deps);
  registerPaymentRoutes(app, deps);
  registerStatementRoutes(app, deps);
  registerDeviceLogin(app, deps);

  app.notFound((c) => c.json(new ApiProblem(404, 'not_found', `no route for ${c.req.method} ${c.req.path}`).toBody(), 404));

  app.onError((err, c) => {
    if (err instanceof ApiProblem) {
      for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
      return c.json(err.toBody(), err.status as 400);
    }
    // Internals never leak: the detail goes to the server's log, the client gets a generic message.
    console.error(err);
    return c.json(new ApiProblem(500, 'server_error', 'internal server error', 'internal_error').toBody(), 500);
  });

  return app;
}
