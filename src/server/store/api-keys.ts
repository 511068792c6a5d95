/** An account's own view of its API keys: list them, revoke one (a lost laptop's web-login key). */
import { prepared } from '../../sqlite/statements.js';
import type { Db } from './db.js';

export interface ApiKeyInfo {
  id: string;
  /** What people recognise the key by: its public start, never the secret rest. */
  prefix: string;
  name: string | null;
  created_at: string;
  revoked_at: string | null;
}

interface KeyRow {
  id: string;
  name: string | null;
  created_at: string;
  revoked_at: string | null;
}

const toInfo = (r: KeyRow): ApiKeyInfo => ({ id: r.id, prefix: `tp_${r.id}`, name: r.name, created_at: r.created_at, revoked_at: r.revoked_at });

export function listKeys(db: Db, accountId: string): ApiKeyInfo[] {
  const rows = prepared(db, 'SELECT id, name, created_at, revoked_at FROM api_keys WHERE account_id = ? ORDER BY created_at, id').all(accountId) as KeyRow[];
  return rows.map(toInfo);
}

/** Revokes one of the account's keys; undefined when the account has no key with this id. Revoking twice keeps the first time. */
export function revokeKey(db: Db, accountId: string, keyId: string, now: Date): ApiKeyInfo | undefined {
  prepared(db, 'UPDATE api_keys SET revoked_at = ? WHERE id = ? AND account_id = ? AND revoked_at IS NULL').run(now.toISOString(), keyId, accountId);
  const row = prepared(db, 'SELECT id, name, created_at, revoked_at FROM api_keys WHERE id = ? AND account_id = ?').get(keyId, accountId) as KeyRow | undefined;
  return row && toInfo(row);
}
