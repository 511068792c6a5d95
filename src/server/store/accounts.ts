/** Accounts and their API keys: keys are stored as a SHA-256 hash only, found by a public id and compared in constant time. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Account } from '../../shared/wire.js';
import type { Db } from './db.js';
import { prepared } from '../../sqlite/statements.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Characters after `tp_` that identify the key's row; the rest is the secret. */
const KEY_ID_LENGTH = 8;
const KEY_BODY_LENGTH = 40;

export function randomBase62(length: number): string {
  // 248 is the largest multiple of 62 below 256: rejecting bytes above it keeps every character equally likely.
  let out = '';
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < 248 && out.length < length) out += BASE62[b % 62];
    }
  }
  return out;
}

export const newId = (prefix: string) => `${prefix}_${randomBase62(20)}`;

const hashKey = (key: string) => createHash('sha256').update(key).digest();

interface AccountRow {
  id: string;
  name: string;
  currency: string;
  created_at: string;
}

const toAccount = (r: AccountRow): Account => ({ id: r.id, name: r.name, currency: r.currency, created_at: r.created_at });

export function findAccountByName(db: Db, name: string): Account | undefined {
  const row = prepared(db, 'SELECT id, name, currency, created_at FROM accounts WHERE name = ?').get(name) as AccountRow | undefined;
  return row && toAccount(row);
}

export function getAccount(db: Db, id: string): Account | undefined {
  const row = prepared(db, 'SELECT id, name, currency, created_at FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
  return row && toAccount(row);
}

export function createAccount(db: Db, name: string, now: Date, currency = 'CNY'): Account {
  const account = { id: newId('acct'), name, currency, created_at: now.toISOString() };
  prepared(db, 'INSERT INTO accounts (id, name, currency, created_at) VALUES (@id, @name, @currency, @created_at)').run(account);
  return account;
}

/**
 * Mints a key for the account; only its hash is stored, so this is the one time it can be shown.
 * `name` says what the key is for (the device a web login was for), shown when keys are listed.
 */
export function mintKey(db: Db, accountId: string, now: Date, name: string | null = null): string {
  const body = randomBase62(KEY_BODY_LENGTH);
  const key = `tp_${body}`;
  prepared(db, 'INSERT INTO api_keys (id, account_id, key_hash, created_at, name) VALUES (?, ?, ?, ?, ?)').run(
    keyIdOf(key),
    accountId,
    hashKey(key),
    now.toISOString(),
    name,
  );
  return key;
}

/** The public part of a key that names its row (`tp_XXXXXXXX…` → `XXXXXXXX`). */
export const keyIdOf = (key: string) => key.slice(3, 3 + KEY_ID_LENGTH);

/** The account a presented key belongs to. The hash comparison takes the same time whatever matches. */
export function accountForKey(db: Db, key: string): Account | undefined {
  const id = keyIdOf(key);
  const row = prepared(db, 'SELECT account_id, key_hash FROM api_keys WHERE id = ? AND revoked_at IS NULL')
    .get(id) as { account_id: string; key_hash: Buffer } | undefined;
  const presented = hashKey(key);
  const stored = row?.key_hash ?? Buffer.alloc(presented.length);
  const matches = timingSafeEqual(presented, stored) && row !== undefined;
  return matches ? getAccount(db, row.account_id) : undefined;
}

/** The account a phone number (E.164, see phone.ts) signs in to, if any. */
export function findAccountByPhone(db: Db, e164: string): Account | undefined {
  const row = prepared(db, 'SELECT id, name, currency, created_at FROM accounts WHERE phone = ?').get(e164) as AccountRow | undefined;
  return row && toAccount(row);
}

/** The account's phone number in E.164, or undefined when it has none (an account made by `serve keys create`). */
export function phoneOf(db: Db, accountId: string): string | undefined {
  const row = prepared(db, 'SELECT phone FROM accounts WHERE id = ?').get(accountId) as { phone: string | null } | undefined;
  return row?.phone ?? undefined;
}

/** Gives an account its phone number; the unique index refuses a number another account has. */
export function setAccountPhone(db: Db, accountId: string, e164: string): void {
  prepared(db, 'UPDATE accounts SET phone = ? WHERE id = ?').run(e164, accountId);
}
