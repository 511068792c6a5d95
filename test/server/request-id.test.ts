/**
 * x-request-id on the app in-process (no Node response to put it on, see request-id.ts); the served
 * binary's answers are checked in serve.e2e and edges.e2e.
 */
import { expect, test } from 'vitest';
import { inProcessServer } from '../helpers/app.js';

test('in-process answers carry their own x-request-id too: a read, a 401 and a 404', async () => {
  const s = await inProcessServer();
  const answers = [
    await s.fetch('http://local/v1/balance', { headers: { authorization: `Bearer ${s.key}` } }),
    await s.fetch('http://local/v1/balance'),
    await s.fetch('http://local/v1/nothing-here', { headers: { authorization: `Bearer ${s.key}` } }),
  ];
  expect(answers.map((r) => r.status)).toEqual([200, 401, 404]);
  const ids = answers.map((r) => r.headers.get('x-request-id'));
  for (const id of ids) expect(id).toMatch(/^req_[0-9a-f]{32}$/);
  expect(new Set(ids).size).toBe(3);
});
