/**
 * Which store the server tests run on (the `postgres` project of vitest.config.ts sets
 * TOKENCLI_TEST_STORE), and fresh PostgreSQL databases in the run's cluster (pg-cluster.ts).
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createDatabase } from '../../scripts/pg-cluster.mjs';

export const onPostgres = process.env.TOKENCLI_TEST_STORE === 'postgres';

/** A new, empty database of the run's cluster; its URL. */
export const freshDatabase = (): Promise<string> => createDatabase(inject('pgAdminUrl'), `t_${randomBytes(6).toString('hex')}`);
