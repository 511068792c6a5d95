/**
 * A device login from the device's side (RFC 8628 §3.1–3.5), apart from HTTP: start one, and answer
 * each poll with pending, slow_down, denied, expired, or the new API key, issued exactly once.
 */
import { RateLimiter } from '../rate-limit.js';
import { keyIdOf, mintKey } from '../store/accounts.js';
import type { Db } from '../store/db.js';
import * as rows from '../store/device-codes.js';
import type { DeviceCodeRow } from '../store/device-codes.js';

export interface DeviceFlowOptions {
  /** Seconds the CLI must wait between polls (RFC 8628 `interval`). */
  intervalSeconds: number;
  /** Seconds a device code and its user code live (RFC 8628 `expires_in`). */
  ttlSeconds: number;
}

export const DEFAULT_DEVICE_FLOW: DeviceFlowOptions = { intervalSeconds: 5, ttlSeconds: 900 };

/** RFC 8628 §3.5: every slow_down adds five seconds to the interval, for good. */
const SLOW_DOWN_STEP_SECONDS = 5;

export type PollResult =
  | { ok: true; apiKey: string; accountId: string }
  | { ok: false; error: 'authorization_pending' | 'access_denied' | 'expired_token' | 'invalid_grant' }
  | { ok: false; error: 'slow_down'; interval: number };

export const isExpired = (row: DeviceCodeRow, at: Date) => at.getTime() >= Date.parse(row.expires_at);

export interface DeviceGrantDeps {
  db: Db;
  now: () => Date;
  options: DeviceFlowOptions;
}

export class DeviceGrant {
  /** New device codes per client address: 30 at once, then one every 6 s, so the user-code space stays free. */
  private readonly newCodes: RateLimiter;

  constructor(private readonly d: DeviceGrantDeps) {
    this.newCodes = new RateLimiter({ perSecond: 1 / 6, burst: 30 }, () => d.now().getTime());
  }

  /** A new login for the device `clientName`, or the seconds to wait when `client` asks too often. */
  async start(clientName: string, client: string): Promise<{ created: rows.NewDeviceCode } | { retryAfter: number }> {
    const wait = this.newCodes.take(client);
    if (wait > 0) return { retryAfter: wait };
    const { db, now, options } = this.d;
    return { created: await rows.createDeviceCode(db, { clientName, now: now(), ...options }) };
  }

  /** One poll of the token endpoint. Issues the key exactly once, in the same transaction that marks the code used. */
  poll(deviceCode: string): Promise<PollResult> {
    const { db, now } = this.d;
    return db.transaction(async (tx): Promise<PollResult> => {
      const at = now();
      // Locked to the end of the transaction: polls of one code on two replicas answer one after the other.
      const row = await rows.byDeviceCode(tx, deviceCode);
      if (!row || row.status === 'issued') return { ok: false, error: 'invalid_grant' };
      if (isExpired(row, at)) return { ok: false, error: 'expired_token' };
      if (row.status === 'denied') return { ok: false, error: 'access_denied' };
      const atMs = at.getTime();
      if (row.last_polled_at_ms !== null && atMs - row.last_polled_at_ms < row.interval_seconds * 1000) {
        const interval = row.interval_seconds + SLOW_DOWN_STEP_SECONDS;
        await rows.recordPoll(tx, row.id, atMs, interval);
        return { ok: false, error: 'slow_down', interval };
      }
      await rows.recordPoll(tx, row.id, atMs, row.interval_seconds);
      if (row.status === 'pending') return { ok: false, error: 'authorization_pending' };
      const apiKey = await mintKey(tx, row.account_id!, at, row.client_name);
      await rows.markIssued(tx, row.id, keyIdOf(apiKey));
      return { ok: true, apiKey, accountId: row.account_id! };
    });
  }
}
