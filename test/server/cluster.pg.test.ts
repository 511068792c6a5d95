import pg from 'pg';
import { expect, test } from 'vitest';
import { freshDatabase } from '../helpers/pg.js';

test('the run has a PostgreSQL cluster, and each database made in it is new and empty', async () => {
  const url = await freshDatabase();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'");
  await client.end();
  expect(rows[0].n).toBe(0);
});
