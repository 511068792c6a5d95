/**
 * Device logins (RFC 8628) as rows: what the CLI was given (a device code, kept only as a hash, and a
 * user code), and what the browser has done with it so far. The rules (intervals, attempt limits,
 * expiry) live in server/device/flow.ts; this file only reads and writes.
 */
import { randomInt } from 'node:crypto';
import { newId, randomBase62, sha256 } from './accounts.js';
import { forUpdate, isUniqueViolation, type Sql } from './sql.js';

/** RFC 8628 §6.1's base-20 consonants: no vowels (so no words), no digits (so no 0/O or 1/I). */
export const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';
export const USER_CODE_LENGTH = 8;

export type DeviceCodeStatus = 'pending' | 'approved' | 'denied' | 'issued';

export interface DeviceCodeRow {
  id: string;
  user_code: string;
  client_name: string;
  status: DeviceCodeStatus;
  interval_seconds: number;
  last_polled_at_ms: number | null;
  created_at: string;
  expires_at: string;
  browser_session: Buffer | null;
  phone: string | null;
  sms_code_hash: Buffer | null;
  sms_sends: number;
  sms_failures: number;
  phone_verified: number;
  account_id: string | null;
  api_key_id: string | null;
}

const COLUMNS = `id, user_code, client_name, status, interval_seconds, last_polled_at_ms, created_at, expires_at,
  browser_session, phone, sms_code_hash, sms_sends, sms_failures, phone_verified, account_id, api_key_id`;

export function newUserCode(): string {
  let code = '';
  for (let i = 0; i < USER_CODE_LENGTH; i++) code += USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)];
  return code;
}

/** `BCDFGHJK` → `BCDF-GHJK`, as people read and type it. */
export const formatUserCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4)}`;

/**
 * What a person typed, as stored: case, spaces and dashes do not matter (RFC 8628 §6.1); undefined
 * when it cannot be a user code at all.
 */
export function normaliseUserCode(input: string): string | undefined {
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  return code.length === USER_CODE_LENGTH && [...code].every((ch) => USER_CODE_ALPHABET.includes(ch)) ? code : undefined;
}

export interface NewDeviceCode {
  row: DeviceCodeRow;
  /** The secret the CLI polls with; only its hash is stored. */
  deviceCode: string;
}

/** A new login; each attempt at a fresh user code is a statement of its own, so a clash never aborts a transaction. */
export async function createDeviceCode(db: Sql, o: { clientName: string; now: Date; ttlSeconds: number; intervalSeconds: number }): Promise<NewDeviceCode> {
  const deviceCode = `dc_${randomBase62(40)}`;
  // Logins long over are of no use to anyone; dropping them keeps the user-code space free.
  await db.run('DELETE FROM device_codes WHERE expires_at < ?', [new Date(o.now.getTime() - 86_400_000).toISOString()]);
  for (;;) {
    const id = newId('dev');
    try {
      await db.run(
        `INSERT INTO device_codes (id, device_code_hash, user_code, client_name, status, interval_seconds, created_at, expires_at)
         VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)`,
        [id,
        sha256(deviceCode),
        newUserCode(),
        o.clientName,
        o.intervalSeconds,
        o.now.toISOString(),
        new Date(o.now.getTime() + o.ttlSeconds * 1000).toISOString()],
      );
      return { row: (await byId(db, id))!, deviceCode };
    } catch (e) {
      // 20^8 codes make a clash rare; a clash only means drawing again.
      if (!isUniqueViolation(e)) throw e;
    }
  }
}

export const byId = (db: Sql, id: string) => db.get<DeviceCodeRow>(`SELECT ${COLUMNS} FROM device_codes WHERE id = ?`, [id]);

/** The login a device code names; in a transaction, its row stays locked to the end (two replicas answering polls of one code issue one key). */
export const byDeviceCode = (db: Sql, deviceCode: string) => db.get<DeviceCodeRow>(`SELECT ${COLUMNS} FROM device_codes WHERE device_code_hash = ?${forUpdate(db)}`, [sha256(deviceCode)]);

export const byUserCode = (db: Sql, userCode: string) => db.get<DeviceCodeRow>(`SELECT ${COLUMNS} FROM device_codes WHERE user_code = ?`, [userCode]);

/** The login the browser with this session cookie is working on (the latest it entered a code for). */
export const bySession = (db: Sql, session: Buffer) =>
  db.get<DeviceCodeRow>(`SELECT ${COLUMNS} FROM device_codes WHERE browser_session = ? ORDER BY created_at DESC LIMIT 1`, [session]);

export async function recordPoll(tx: Sql, id: string, atMs: number, intervalSeconds: number): Promise<void> {
  await tx.run('UPDATE device_codes SET last_polled_at_ms = ?, interval_seconds = ? WHERE id = ?', [atMs, intervalSeconds, id]);
}

/** The browser that typed the user code takes the login over; any phone step begun elsewhere starts again. */
export async function bindSession(db: Sql, id: string, session: Buffer): Promise<void> {
  await db.run(`UPDATE device_codes SET browser_session = ?, phone = NULL, sms_code_hash = NULL, sms_failures = 0, phone_verified = 0 WHERE id = ?`, [session, id]);
}

export async function setSmsCode(db: Sql, id: string, phone: string, codeHash: Buffer): Promise<void> {
  await db.run(`UPDATE device_codes SET phone = ?, sms_code_hash = ?, sms_sends = sms_sends + 1, sms_failures = 0, phone_verified = 0 WHERE id = ?`, [phone, codeHash, id]);
}

/** Counts a wrong SMS code; returns the failures so far (one statement, so racing wrong codes each count). */
export async function recordSmsFailure(db: Sql, id: string): Promise<number> {
  await db.run('UPDATE device_codes SET sms_failures = sms_failures + 1 WHERE id = ?', [id]);
  return (await byId(db, id))!.sms_failures;
}

/** The code is spent once it has matched, so it cannot be replayed. */
export async function markPhoneVerified(db: Sql, id: string): Promise<void> {
  await db.run('UPDATE device_codes SET phone_verified = 1, sms_code_hash = NULL WHERE id = ?', [id]);
}

/** Only a pending login can be decided; returns false when it was decided already. */
export async function decide(db: Sql, id: string, decision: { status: 'approved'; accountId: string } | { status: 'denied' }): Promise<boolean> {
  const accountId = decision.status === 'approved' ? decision.accountId : null;
  return (await db.run("UPDATE device_codes SET status = ?, account_id = ? WHERE id = ? AND status = 'pending'", [decision.status, accountId, id])) === 1;
}

export async function markIssued(tx: Sql, id: string, apiKeyId: string): Promise<boolean> {
  return (await tx.run("UPDATE device_codes SET status = 'issued', api_key_id = ? WHERE id = ? AND status = 'approved'", [apiKeyId, id])) === 1;
}
