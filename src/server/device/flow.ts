/**
 * The rules of a device login (RFC 8628), apart from HTTP: the CLI's polling (pending, slow_down,
 * denied, expired, and the key issued once), and the browser's steps (user code, phone, SMS code,
 * decision) with their attempt limits. The JSON endpoints and the HTML pages both call this.
 */
import { maskPhone, normalisePhone } from '../phone.js';
import { codeMatches, hashCode, newNumericCode } from '../one-time-code.js';
import { RateLimiter } from '../rate-limit.js';
import type { SmsSender } from '../sms.js';
import { createAccount, findAccountByName, findAccountByPhone, keyIdOf, mintKey, setAccountPhone } from '../store/accounts.js';
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

/** Wrong SMS codes before that code is void and a new one must be sent. */
export const MAX_SMS_FAILURES = 5;
/** SMS codes one login may send; after that the person starts again from the terminal. */
export const MAX_SMS_SENDS = 3;
/** RFC 8628 §3.5: every slow_down adds five seconds to the interval, for good. */
const SLOW_DOWN_STEP_SECONDS = 5;

export type PollResult =
  | { ok: true; apiKey: string; accountId: string }
  | { ok: false; error: 'authorization_pending' | 'access_denied' | 'expired_token' | 'invalid_grant'; interval?: number }
  | { ok: false; error: 'slow_down'; interval: number };

/** Where a browser's login stands, which decides the page it sees. */
export type Step = 'phone' | 'sms' | 'confirm' | 'approved' | 'denied' | 'expired' | 'locked';

export type CodeEntry = { ok: true; row: DeviceCodeRow } | { ok: false; problem: 'malformed' | 'unknown' | 'expired' | 'used' | 'rate_limited'; retryAfter?: number };
export type SmsSend = { ok: true } | { ok: false; problem: 'bad_phone' | 'too_many_sends' | 'rate_limited'; retryAfter?: number };
export type SmsCheck = { ok: true } | { ok: false; problem: 'wrong'; attemptsLeft: number } | { ok: false; problem: 'locked' };

export interface DeviceFlowDeps {
  db: Db;
  sms: SmsSender;
  now: () => Date;
  options: DeviceFlowOptions;
}

export class DeviceFlow {
  /** Wrong user codes per client address: 20 at once, then one a minute (guessing 20^8 codes stays hopeless). */
  private readonly wrongUserCodes: RateLimiter;
  /** SMS sent per phone number, across logins: 3 at once, then one a minute, so nobody is flooded. */
  private readonly smsPerPhone: RateLimiter;
  /** New device codes per client address. */
  private readonly newCodes: RateLimiter;

  constructor(private readonly d: DeviceFlowDeps) {
    const nowMs = () => d.now().getTime();
    this.wrongUserCodes = new RateLimiter({ perSecond: 1 / 60, burst: 20 }, nowMs);
    this.smsPerPhone = new RateLimiter({ perSecond: 1 / 60, burst: 3 }, nowMs);
    this.newCodes = new RateLimiter({ perSecond: 1 / 6, burst: 30 }, nowMs);
  }

  get options(): DeviceFlowOptions {
    return this.d.options;
  }

  /** A new login for the device `clientName`; undefined with the seconds to wait when `client` asks too often. */
  start(clientName: string, client: string): { created: rows.NewDeviceCode } | { retryAfter: number } {
    const wait = this.newCodes.take(client);
    if (wait > 0) return { retryAfter: wait };
    const { db, now, options } = this.d;
    return { created: db.transaction(() => rows.createDeviceCode(db, { clientName, now: now(), ...options })).immediate() };
  }

  /** One poll of the token endpoint. Issues the key exactly once, in the same transaction that marks the code used. */
  poll(deviceCode: string): PollResult {
    const { db, now } = this.d;
    return db
      .transaction((): PollResult => {
        const at = now();
        const row = rows.byDeviceCode(db, deviceCode);
        if (!row || row.status === 'issued') return { ok: false, error: 'invalid_grant' };
        if (isExpired(row, at)) return { ok: false, error: 'expired_token' };
        if (row.status === 'denied') return { ok: false, error: 'access_denied' };
        const atMs = at.getTime();
        if (row.last_polled_at_ms !== null && atMs - row.last_polled_at_ms < row.interval_seconds * 1000) {
          const interval = row.interval_seconds + SLOW_DOWN_STEP_SECONDS;
          rows.recordPoll(db, row.id, atMs, interval);
          return { ok: false, error: 'slow_down', interval };
        }
        rows.recordPoll(db, row.id, atMs, row.interval_seconds);
        if (row.status === 'pending') return { ok: false, error: 'authorization_pending' };
        const apiKey = mintKey(db, row.account_id!, at, row.client_name);
        rows.markIssued(db, row.id, keyIdOf(apiKey));
        return { ok: true, apiKey, accountId: row.account_id! };
      })
      .immediate();
  }

  /** The browser typed a user code: on success this browser (its session hash) owns the login's next steps. */
  enterUserCode(input: string, session: Buffer, client: string): CodeEntry {
    const { db, now } = this.d;
    const blocked = this.wrongUserCodes.wait(client);
    if (blocked > 0) return { ok: false, problem: 'rate_limited', retryAfter: blocked };
    const code = rows.normaliseUserCode(input);
    const row = code ? rows.byUserCode(db, code) : undefined;
    if (!row) {
      this.wrongUserCodes.take(client);
      return { ok: false, problem: code ? 'unknown' : 'malformed' };
    }
    if (isExpired(row, now())) return { ok: false, problem: 'expired' };
    if (row.status !== 'pending') return { ok: false, problem: 'used' };
    rows.bindSession(db, row.id, session);
    return { ok: true, row: rows.byId(db, row.id)! };
  }

  /** The login this browser is working on, if any. */
  forSession(session: Buffer): DeviceCodeRow | undefined {
    return rows.bySession(this.d.db, session);
  }

  step(row: DeviceCodeRow): Step {
    if (row.status === 'approved' || row.status === 'issued') return 'approved';
    if (row.status === 'denied') return 'denied';
    if (isExpired(row, this.d.now())) return 'expired';
    if (row.phone_verified) return 'confirm';
    if (row.sms_code_hash && row.sms_failures < MAX_SMS_FAILURES) return 'sms';
    return row.sms_sends >= MAX_SMS_SENDS ? 'locked' : 'phone';
  }

  async sendSmsCode(row: DeviceCodeRow, phoneInput: string): Promise<SmsSend> {
    const phone = normalisePhone(phoneInput);
    if (!phone) return { ok: false, problem: 'bad_phone' };
    if (row.sms_sends >= MAX_SMS_SENDS) return { ok: false, problem: 'too_many_sends' };
    const wait = this.smsPerPhone.take(phone);
    if (wait > 0) return { ok: false, problem: 'rate_limited', retryAfter: wait };
    const code = newNumericCode();
    rows.setSmsCode(this.d.db, row.id, phone, hashCode(code, row.id));
    await this.d.sms.send({
      to: phone,
      purpose: 'device_login',
      code,
      text: `[tokencli] ${code} is your code to sign in "${row.client_name}". It expires with the login; never share it.`,
    });
    return { ok: true };
  }

  checkSmsCode(row: DeviceCodeRow, presented: string): SmsCheck {
    const { db } = this.d;
    if (!row.sms_code_hash || row.sms_failures >= MAX_SMS_FAILURES) return { ok: false, problem: 'locked' };
    if (codeMatches(presented, row.id, row.sms_code_hash)) {
      rows.markPhoneVerified(db, row.id);
      return { ok: true };
    }
    const failures = rows.recordSmsFailure(db, row.id);
    return failures >= MAX_SMS_FAILURES ? { ok: false, problem: 'locked' } : { ok: false, problem: 'wrong', attemptsLeft: MAX_SMS_FAILURES - failures };
  }

  /** The verified phone's account, created when the number is new; the CLI's next poll gets its key. */
  approve(row: DeviceCodeRow): boolean {
    const { db, now } = this.d;
    return db
      .transaction(() => {
        const phone = row.phone!;
        const account = findAccountByPhone(db, phone) ?? newPhoneAccount(db, phone, now());
        return rows.decide(db, row.id, { status: 'approved', accountId: account.id });
      })
      .immediate();
  }

  deny(row: DeviceCodeRow): boolean {
    return rows.decide(this.d.db, row.id, { status: 'denied' });
  }

  /** Whether the phone of this login already has an account (the page says "new account" otherwise). */
  hasAccount(row: DeviceCodeRow): boolean {
    return row.phone !== null && findAccountByPhone(this.d.db, row.phone) !== undefined;
  }
}

const isExpired = (row: DeviceCodeRow, at: Date) => at.getTime() >= Date.parse(row.expires_at);

/** An account for a phone number seen for the first time, named by the masked number (names are unique). */
function newPhoneAccount(db: Db, phone: string, at: Date) {
  const masked = maskPhone(phone);
  let name = masked;
  for (let n = 2; findAccountByName(db, name); n++) name = `${masked} (${n})`;
  const account = createAccount(db, name, at);
  setAccountPhone(db, account.id, phone);
  return account;
}
