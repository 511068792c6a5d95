/** A purchase whose answer is lost after the server committed is retried and never charged twice. */
import { expect, test } from 'vitest';
import { userAt } from '../helpers/cli.js';
import { dropFirstAnswer } from '../helpers/drop-proxy.js';
import { api, startServe } from '../helpers/serve.js';

test('a lost purchase answer is retried with the same key and ends with exactly one new pack', async () => {
  const s = await startServe();
  const proxy = await dropFirstAnswer(s.url, /^POST \/v1\/purchases/);
  const u = userAt(undefined, { TOKENCLI_API_KEY: s.key });
  const result = await u.run(['plan', 'purchase', 'starter', '--yes', '--json', '--api-url', proxy.url, '--debug']);
  expect(proxy.dropped()).toBe(1);
  expect(result.code).toBe(0);
  // The trace shows the cut connection and the retry that followed it.
  expect(result.stderr).toMatch(/> POST .*\/v1\/purchases/);
  expect(result.stderr).toMatch(/retry 1/);
  const keys = [...result.stderr.matchAll(/"idempotency-key":"([^"]+)"/g)].map((m) => m[1]);
  expect(keys.length).toBe(2);
  expect(new Set(keys).size).toBe(1);
  const purchases = (await api(s.url, '/v1/purchases', { key: s.key })).json.data;
  expect(purchases).toHaveLength(1);
  expect(JSON.parse(result.stdout).id).toBe(purchases[0].id);
  expect((await api(s.url, '/v1/balance', { key: s.key })).json.packs).toHaveLength(1);
  await proxy.close();
  await s.stop();
});
