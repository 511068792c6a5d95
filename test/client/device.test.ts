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

describe('the wire format of a device login (RFC 8628 §3.1, §3.4)', () => {
  /**
   * A third-party device-flow server as strict as the RFC allows: form-encoded requests only, and
   * errors with no error_description (it is optional in RFC 6749 §5.2).
   */
  function strictServer() {
    const seen: { path: string; type: string | null; params: Record<string, string> }[] = [];
    let polls = 0;
    const fetch = async (url: string, init?: RequestInit) => {
      const type = new Headers(init?.headers).get('content-type');
      const path = new URL(url).pathname;
      if (type !== 'application/x-www-form-urlencoded') return Response.json({ error: 'invalid_request' }, { status: 400 });
      const params = Object.fromEntries(new URLSearchParams(String(init?.body)));
      seen.push({ path, type, params });
      if (path === '/v1/oauth/device/code') {
        return Response.json({ device_code: 'dc-1', user_code: 'WDJB-MJHT', verification_uri: 'https://idp.test/device', expires_in: 600, interval: 1 });
      }
      polls++;
      return polls === 1 ? Response.json({ error: 'authorization_pending' }, { status: 400 }) : Response.json({ access_token: 'tp_from_elsewhere', token_type: 'Bearer' });
    };
    return { fetch, seen };
  }

  test('the client sends form-encoded parameters and understands a bare RFC error, so a third-party server works', async () => {
    const idp = strictServer();
    const client = new TokenClient({ baseUrl: 'http://idp.test', fetch: idp.fetch, maxRetries: 0 });
    const auth = await client.device.authorize('unit-box');
    const key = await client.device.waitForKey(auth, { sleep: async () => {} });
    expect(key).toBe('tp_from_elsewhere');
    expect(idp.seen).toEqual([
      { path: '/v1/oauth/device/code', type: 'application/x-www-form-urlencoded', params: { client_id: 'tokencli', client_name: 'unit-box' } },
      ...[1, 2].map(() => ({ path: '/v1/oauth/token', type: 'application/x-www-form-urlencoded', params: { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: 'dc-1', client_id: 'tokencli' } })),
    ]);
  });

  test('our server takes the parameters form-encoded and as JSON alike', async () => {
    const s = await inProcessServer();
    const post = (path: string, type: string, body: string) => s.fetch(`http://app.test${path}`, { method: 'POST', headers: { 'content-type': type }, body });
    const form = await post('/v1/oauth/device/code', 'application/x-www-form-urlencoded', 'client_id=tokencli&client_name=form-box');
    const json = await post('/v1/oauth/device/code', 'application/json', JSON.stringify({ client_id: 'tokencli', client_name: 'json-box' }));
    expect([form.status, json.status]).toEqual([200, 200]);
    const codes = [(await form.json()) as { device_code: string }, (await json.json()) as { device_code: string }];
    const grant = encodeURIComponent('urn:ietf:params:oauth:grant-type:device_code');
    const pendingForm = await post('/v1/oauth/token', 'application/x-www-form-urlencoded', `grant_type=${grant}&device_code=${codes[0]!.device_code}&client_id=tokencli`);
    const pendingJson = await post('/v1/oauth/token', 'application/json', JSON.stringify({ grant_type: decodeURIComponent(grant), device_code: codes[1]!.device_code, client_id: 'tokencli' }));
    expect([pendingForm.status, pendingJson.status]).toEqual([400, 400]);
    expect([((await pendingForm.json()) as { error: string }).error, ((await pendingJson.json()) as { error: string }).error]).toEqual(['authorization_pending', 'authorization_pending']);
  });
});
