/**
 * A device login from the browser's side (RFC 8628 §3.3), apart from HTTP: the user code, the phone
 * number and its SMS code, then the decision, each with its attempt limit. The pages ask `step()`
 * where a login stands and show that step's form.
 */
import { maskPhone, normalisePhone } from '../phone.js';
import { codeMatches, hashCode, newNumericCode } from '../one-time-code.js';
import { RateLimiter } from '../rate-limit.js';
import type { SmsSender } from '../sms.js';
import { createAccount, findAccountByName, findAccountByPhone, setAccountPhone } from '../store/accounts.js';
import type { Db } from '../store/db.js';
import type { Sql } from '../store/sql.js';
import * as rows from '../store/device-codes.js';
import type { DeviceCodeRow } from '../store/device-codes.js';
import { isExpired } from './grant.js';

/** Wrong SMS codes before that code is void and a new one must be sent. */
export const MAX_SMS_FAILURES = 5;
/** SMS codes one login may send; after that the person starts again from the terminal. */
export const MAX_SMS_SENDS = 3;

/** Where a browser's login stands, which decides the page it sees. */
export type Step = 'phone' | 'sms' | 'confirm' | 'approved' | 'denied' | 'expired' | 'locked';

export type CodeEntry = { ok: true; row: DeviceCodeRow } | { ok: false; problem: 'malformed' | 'unknown' | 'expired' | 'used' } | { ok: false; problem: 'rate_limited'; retryAfter: number };
export type SmsSend = { ok: true } | { ok: false; problem: 'bad_phone' } | { ok: false; problem: 'too_many_sends' } | { ok: false; problem: 'rate_limited'; retryAfter: number };
export type SmsCheck = { ok: true } | { ok: false; problem: 'wrong'; attemptsLeft: number } | { ok: false; problem: 'locked' };

export interface DeviceVerificationDeps {
  db: Db;
  sms: SmsSender;
  now: () => Date;
}

export class DeviceVerification {
  /** Wrong user codes per client address: 20 at once, then one a minute (guessing among 20^8 stays hopeless). */
  private readonly wrongUserCodes: RateLimiter;
  /** SMS sent per phone number, across logins: 3 at once, then one a minute, so nobody is flooded. */
  private readonly smsPerPhone: RateLimiter;

  constructor(private readonly d: DeviceVerificationDeps) {
    const nowMs = () => d.now().getTime();
    this.wrongUserCodes = new RateLimiter({ perSecond: 1 / 60, burst: 20 }, nowMs);
    this.smsPerPhone = new RateLimiter({ perSecond: 1 / 60, burst: 3 }, nowMs);
  }

  /** The browser typed a user code: on success this browser (its session hash) owns the login's next steps. */
  async enterUserCode(input: string, session: Buffer, client: string): Promise<CodeEntry> {
    const { db, now } = this.d;
    const blocked = this.wrongUserCodes.wait(client);
    if (blocked > 0) return { ok: false, problem: 'rate_limited', retryAfter: blocked };
    const code = rows.normaliseUserCode(input);
    const row = code ? await rows.byUserCode(db, code) : undefined;
    if (!row) {
      this.wrongUserCodes.take(client);
      return { ok: false, problem: code ? 'unknown' : 'malformed' };
    }
    if (isExpired(row, now())) return { ok: false, problem: 'expired' };
    if (row.status !== 'pending') return { ok: false, problem: 'used' };
    await rows.bindSession(db, row.id, session);
    return { ok: true, row: (await rows.byId(db, row.id))! };
  }

  /** The login this browser is working on, if any. */
  forSession(session: Buffer): Promise<DeviceCodeRow | undefined> {
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
    await rows.setSmsCode(this.d.db, row.id, phone, hashCode(code, row.id));
    await this.d.sms.send({
      to: phone,
      purpose: 'device_login',
      code,
      text: `[tokencli] ${code} is your code to sign in "${row.client_name}". It expires with the login; never share it.`,
    });
    return { ok: true };
  }

  async checkSmsCode(row: DeviceCodeRow, presented: string): Promise<SmsCheck> {
    const { db } = this.d;
    if (!row.sms_code_hash || row.sms_failures >= MAX_SMS_FAILURES) return { ok: false, problem: 'locked' };
    if (codeMatches(presented, row.id, row.sms_code_hash)) {
      await rows.markPhoneVerified(db, row.id);
      return { ok: true };
    }
    const failures = await rows.recordSmsFailure(db, row.id);
    return failures >= MAX_SMS_FAILURES ? { ok: false, problem: 'locked' } : { ok: false, problem: 'wrong', attemptsLeft: MAX_SMS_FAILURES - failures };
  }

  /** The verified phone's account, created when the number is new; the CLI's next poll gets its key. */
  approve(row: DeviceCodeRow): Promise<boolean> {
    const { db, now } = this.d;
    return db.transaction(async (tx) => {
      const phone = row.phone!;
      const account = (await findAccountByPhone(tx, phone)) ?? (await newPhoneAccount(tx, phone, now()));
      return rows.decide(tx, row.id, { status: 'approved', accountId: account.id });
    });
  }

  deny(row: DeviceCodeRow): Promise<boolean> {
    return rows.decide(this.d.db, row.id, { status: 'denied' });
  }

  /** Whether the phone of this login already has an account (the page says "creates one" otherwise). */
  async hasAccount(row: DeviceCodeRow): Promise<boolean> {
    return row.phone !== null && (await findAccountByPhone(this.d.db, row.phone)) !== undefined;
  }
}

/**
 * An account for a phone number seen for the first time, named by the masked number (names are
 * unique). Two replicas approving the same new number at once: the unique phone index refuses the
 * second, whose transaction is then run again and finds the first's account.
 */
async function newPhoneAccount(tx: Sql, phone: string, at: Date) {
  const masked = maskPhone(phone);
  let name = masked;
  for (let n = 2; await findAccountByName(tx, name); n++) name = `${masked} (${n})`;
  const account = await createAccount(tx, name, at);
  await setAccountPhone(tx, account.id, phone);
  return account;
}
