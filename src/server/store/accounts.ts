/** Accounts and their API keys: keys are stored as a SHA-256 hash only, found by a public id and compared in constant time. */
import { hash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Account } from '../../shared/wire.js';
import type { Sql } from './sql.js';

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

/** SHA-256 of a secret (an API key, a device code), as stored. One-shot: a Hash object per request cost a cheap read more than the digest itself. */
export const sha256 = (secret: string) => hash('sha256', secret, 'buffer');
/** What a key with no row is compared with, so that it costs the same comparison as a wrong secret. */
const NO_HASH = Buffer.alloc(32);

const ACCOUNT_COLUMNS = 'SELECT id, name, currency, created_at FROM accounts';

export const findAccountByName = (db: Sql, name: string) => db.get<Account>(`${ACCOUNT_COLUMNS} WHERE name = ?`, [name]);

export const getAccount = (db: Sql, id: string) => db.get<Account>(`${ACCOUNT_COLUMNS} WHERE id = ?`, [id]);

/** A new account with this name; the unique index refuses a name taken already. */
export async function createAccount(db: Sql, name: string, now: Date, currency = 'CNY'): Promise<Account> {
  const account = { id: newId('acct'), name, currency, created_at: now.toISOString() };
  await db.run('INSERT INTO accounts (id, name, currency, created_at) VALUES (?, ?, ?, ?)', [account.id, name, currency, account.created_at]);
  return account;
}

/**
 * The named account, created (with no packs) when it is new. Two processes creating the same name at
 * once both get the one account: the unique name lets the second insert do nothing.
 */
export async function ensureAccount(db: Sql, name: string, now: Date, currency = 'CNY'): Promise<Account> {
  await db.run('INSERT INTO accounts (id, name, currency, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING', [newId('acct'), name, currency, now.toISOString()]);
  return (await findAccountByName(db, name))!;
}

/**
 * Mints a key for the account; only its hash is stored, so this is the one time it can be shown.
 * `name` says what the key is for (the device a web login was for), shown when keys are listed.
 */
export async function mintKey(db: Sql, accountId: string, now: Date, name: string | null = null): Promise<string> {
  const body = randomBase62(KEY_BODY_LENGTH);
  const key = `tp_${body}`;
  await db.run('INSERT INTO api_keys (id, account_id, key_hash, created_at, name) VALUES (?, ?, ?, ?, ?)', [keyIdOf(key), accountId, sha256(key), now.toISOString(), name]);
  return key;
}

/** The public part of a key that names its row (`tp_XXXXXXXX…` → `XXXXXXXX`). */
export const keyIdOf = (key: string) => key.slice(3, 3 + KEY_ID_LENGTH);

/**
 * A key's row with its stored hash as hex text, in each dialect's words: a BLOB column comes back as
 * a Buffer of its own, whose allocation cost a key check more than the lookup itself.
 */
const keyLookup = (hashHex: string) =>
  `SELECT ${hashHex} AS key_hash, a.id, a.name, a.currency, a.created_at FROM api_keys k JOIN accounts a ON a.id = k.account_id WHERE k.id = ? AND k.revoked_at IS NULL`;
const KEY_LOOKUP = { sqlite: keyLookup('lower(hex(k.key_hash))'), postgres: keyLookup("encode(k.key_hash, 'hex')") };

/** The account a presented key belongs to. The hash comparison takes the same time whatever matches. */
export async function accountForKey(db: Sql, key: string): Promise<Account | undefined> {
  const row = await db.get<{ key_hash: string } & Account>(KEY_LOOKUP[db.dialect], [keyIdOf(key)]);
  const stored = row ? Buffer.from(row.key_hash, 'hex') : NO_HASH;
  if (!(timingSafeEqual(sha256(key), stored) && row !== undefined)) return undefined;
  return { id: row.id, name: row.name, currency: row.currency, created_at: row.created_at };
}

/** The account a phone number (E.164, see phone.ts) signs in to, if any. */
export const findAccountByPhone = (db: Sql, e164: string) => db.get<Account>(`${ACCOUNT_COLUMNS} WHERE phone = ?`, [e164]);

/** The account's phone number in E.164, or undefined when it has none (an account made by `serve keys create`). */
export async function phoneOf(db: Sql, accountId: string): Promise<string | undefined> {
  const row = await db.get<{ phone: string | null }>('SELECT phone FROM accounts WHERE id = ?', [accountId]);
  return row?.phone ?? undefined;
}

/** Gives an account its phone number; the unique index refuses a number another account has. */
export async function setAccountPhone(db: Sql, accountId: string, e164: string): Promise<void> {
  await db.run('UPDATE accounts SET phone = ? WHERE id = ?', [e164, accountId]);
}
