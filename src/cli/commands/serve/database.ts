/** `--database URL` (or $TOKENCLI_DATABASE_URL) and its pool flags, turned into the server's database target. */
import { UsageError } from '../../errors.js';
// Types only: the server (and its database drivers) load when `serve` runs, not with every command.
import type { DatabaseTarget } from '../../../server/store/db.js';

const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//i.test(url);

export interface DatabaseFlags {
  dataDir: string;
  database?: string;
  dbPoolSize?: number;
  dbTimeoutMs?: number;
}

export const DEFAULT_POOL_SIZE = 10;
export const DEFAULT_DB_TIMEOUT_MS = 5000;

export function databaseTarget(o: DatabaseFlags): DatabaseTarget {
  if (o.database === undefined || o.database === '') return { dataDir: o.dataDir };
  if (!isPostgresUrl(o.database)) {
    throw new UsageError(`--database must be a postgres:// URL, not "${o.database.replace(/:[^:@/]*@/, ':***@')}"`, 'without --database the server keeps its SQLite database in --data-dir');
  }
  return { postgres: { url: o.database, poolSize: o.dbPoolSize ?? DEFAULT_POOL_SIZE, timeoutMs: o.dbTimeoutMs ?? DEFAULT_DB_TIMEOUT_MS } };
}
