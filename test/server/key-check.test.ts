/** The key check behind every authenticated request (store/accounts.ts), on the store under test. */
import { expect, test } from 'vitest';
import { accountForKey, keyIdOf } from '../../src/server/store/accounts.js';
import { revokeKey } from '../../src/server/store/api-keys.js';
import { inProcessServer } from '../helpers/app.js';

test('a key finds its account; a wrong secret behind its id, an unknown id or a revoked key finds none', async () => {
  const s = await inProcessServer();
  expect(await accountForKey(s.db, s.key)).toEqual(s.account);
  const last = s.key.at(-1) === 'a' ? 'b' : 'a';
  expect(await accountForKey(s.db, s.key.slice(0, -1) + last)).toBeUndefined();
  expect(await accountForKey(s.db, `tp_${'x'.repeat(40)}`)).toBeUndefined();
  await revokeKey(s.db, s.account.id, keyIdOf(s.key), new Date('2026-11-26T10:00:00Z'));
  expect(await accountForKey(s.db, s.key)).toBeUndefined();
});
