/**
 * The client's side of a device login against the server's app in-process, on a clock the test
 * moves: it waits the server's interval between polls, takes 5 s more after each slow_down, and ends
 * with the key, or with a DeviceLoginError on a denial or an expiry.
 */
import { describe, expect, test } from 'vitest';
import { TokenClient } from '../../src/client/client.js';
import { DeviceLoginError } from '../../src/client/resources/device.js';
import { createAccount } from '../../src/server/store/accounts.js';
import { byUserCode, decide, normaliseUserCode } from '../../src/server/store/device-codes.js';
import { inProcessServer } from '../helpers/app.js';

async function setup() {
  const s = await inProcessServer();
  const client = new TokenClient({ baseUrl: 'http://app.test', fetch: s.fetch, maxRetries: 0 });
  const auth = await client.device.authorize('unit-box');
  const row = async () => (await byUserCode(s.db, normaliseUserCode(auth.user_code)!))!;
  return { s, client, auth, row };
}

describe('Device.waitForKey', () => {
  test('polls every interval until approved, and a slow_down adds 5 s to every later wait', async () => {
    const { s, client, auth, row } = await setup();
    expect(auth.interval).toBe(5);
    const waits: number[] = [];
    const key = await client.device.waitForKey(auth, {
      sleep: async (ms) => {
        waits.push(ms);
        // The second wait comes up a second short, as a skewed clock might: the server says slow_down.
        s.advance(waits.length === 2 ? ms - 1000 : ms);
        if (waits.length === 4) await decide(s.db, (await row()).id, { status: 'approved', accountId: (await createAccount(s.db, 'unit', new Date())).id });
      },
    });
    expect(waits).toEqual([5000, 5000, 10_000, 10_000]);
    expect(key).toMatch(/^tp_/);
  });

  test('a denial and an expiry end the wait with their reasons', async () => {
    const denied = await setup();
    const deny = denied.client.device.waitForKey(denied.auth, {
      sleep: async (ms) => {
        denied.s.advance(ms);
        await decide(denied.s.db, (await denied.row()).id, { status: 'denied' });
      },
    });
    await expect(deny).rejects.toMatchObject({ reason: 'access_denied' });

    const expired = await setup();
    const expiry = expired.client.device.waitForKey(expired.auth, { sleep: async (ms) => void expired.s.advance(ms) });
    await expect(expiry).rejects.toBeInstanceOf(DeviceLoginError);
    await expect(expiry).rejects.toMatchObject({ reason: 'expired_token' });
  });

  test('an abort while waiting rejects at once', async () => {
    const { client, auth } = await setup();
    const controller = new AbortController();
    const waiting = client.device.waitForKey(auth, { signal: controller.signal });
    controller.abort('SIGINT');
    await expect(waiting).rejects.toBe('SIGINT');
  });
});
