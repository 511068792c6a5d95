/**
 * Which store the server tests run on (the `postgres` project of vitest.config.ts sets
 * TOKENCLI_TEST_STORE), and fresh PostgreSQL databases in the run's cluster (pg-cluster.ts).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export const onPostgres = process.env.TOKENCLI_TEST_STORE === 'postgres';

/** A new, empty database of the run's cluster; its URL. */
export async function freshDatabase(): Promise<string> {
  const admin = new URL(inject('pgAdminUrl'));
  const name = `t_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin.href });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  admin.pathname = `/${name}`;
  return admin.href;
}
