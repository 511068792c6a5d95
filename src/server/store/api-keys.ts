/** An account's own view of its API keys: list them, revoke one (a lost laptop's web-login key). */
import type { Sql } from './sql.js';

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

export async function listKeys(db: Sql, accountId: string): Promise<ApiKeyInfo[]> {
  return (await db.all<KeyRow>('SELECT id, name, created_at, revoked_at FROM api_keys WHERE account_id = ? ORDER BY created_at, id', [accountId])).map(toInfo);
}

/** Revokes one of the account's keys; undefined when the account has no key with this id. Revoking twice keeps the first time. */
export async function revokeKey(db: Sql, accountId: string, keyId: string, now: Date): Promise<ApiKeyInfo | undefined> {
  await db.run('UPDATE api_keys SET revoked_at = ? WHERE id = ? AND account_id = ? AND revoked_at IS NULL', [now.toISOString(), keyId, accountId]);
  const row = await db.get<KeyRow>('SELECT id, name, created_at, revoked_at FROM api_keys WHERE id = ? AND account_id = ?', [keyId, accountId]);
  return row && toInfo(row);
}
