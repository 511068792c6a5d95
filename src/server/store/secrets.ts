/** Secrets every replica of one database must share, made once by whichever asks first. */
import { randomBytes } from 'node:crypto';
import type { Sql } from './sql.js';

/** The named 32-byte secret: created at random on first use; racing first uses agree on one. */
export async function sharedSecret(db: Sql, name: string): Promise<Buffer> {
  await db.run('INSERT INTO server_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING', [name, randomBytes(32)]);
  return (await db.get<{ value: Buffer }>('SELECT value FROM server_secrets WHERE name = ?', [name]))!.value;
}
