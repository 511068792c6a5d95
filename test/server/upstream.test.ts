/** UpstreamBackend in-process: the model list is cached briefly, a failed fetch is not. */
import { expect, test } from 'vitest';
import { UpstreamBackend } from '../../src/server/backends/upstream.js';

test('models are fetched once for many chat lookups, and a failure is retried next time', async () => {
  let calls = 0;
  let fail = true;
  const backend = new UpstreamBackend({
    baseUrl: 'http://upstream.test/v1',
    modelConfig: { m: { input_multiplier_milli: 500 } },
    fetch: (async () => {
      calls++;
      if (fail) return new Response('{}', { status: 503 });
      return Response.json({ data: [{ id: 'm', owned_by: 'x' }] });
    }) as typeof fetch,
  });
  await expect(backend.listModels()).rejects.toThrow(/upstream: GET \/models answered 503/);
  fail = false;
  const [a, b] = await Promise.all([backend.listModels(), backend.listModels()]);
  expect(await backend.listModels()).toEqual(a);
  expect(b).toEqual([{ id: 'm', owned_by: 'x', created: 0, rates: { input_multiplier_milli: 500, output_multiplier_milli: 1000 } }]);
  expect(calls).toBe(2);
});
