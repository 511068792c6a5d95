/**
 * Answers from the edges of the HTTP layer: HEAD wherever GET works, and the errors node:http finds
 * before the app sees a request (headers too large, a malformed request), all in the OpenAI error
 * envelope with an x-request-id.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServe, type Served } from '../helpers/serve.js';

/** Sends raw bytes and reads until the server closes the connection. */
function raw(url: string, request: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    let got = '';
    const socket = connect(Number(port), hostname, () => socket.write(request));
    socket.on('data', (d) => (got += d.toString()));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = got.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
  });
}

let s: Served;
beforeAll(async () => {
  s = await startServe();
});
afterAll(() => s.stop());

describe('the edges of the HTTP layer', () => {
  test('HEAD answers wherever GET does, with the same status and headers and no body', async () => {
    for (const path of ['/v1/plans', '/v1/models']) {
      const res = await fetch(s.url + path, { method: 'HEAD' });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('x-request-id')).toMatch(/^req_/);
      expect(await res.text()).toBe('');
    }
    const authed = await fetch(`${s.url}/v1/balance`, { method: 'HEAD', headers: { authorization: `Bearer ${s.key}` } });
    expect(authed.status).toBe(200);
    expect((await fetch(`${s.url}/v1/balance`, { method: 'HEAD' })).status).toBe(401);
  });

  test('headers too large: 431 in the envelope with a request id', async () => {
    const res = await raw(s.url, `GET /v1/plans HTTP/1.1\r\nHost: x\r\nX-Big: ${'x'.repeat(20_000)}\r\n\r\n`);
    expect(res.status).toBe(431);
    expect(res.headers['x-request-id']).toMatch(/^req_/);
    expect(JSON.parse(res.body)).toEqual({
      error: { type: 'invalid_request_error', code: 'request_headers_too_large', message: expect.any(String), param: null },
    });
  });

  test('a request node:http cannot parse: 400 in the envelope with a request id', async () => {
    const res = await raw(s.url, 'GET /v1/plans HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n');
    expect(res.status).toBe(400);
    expect(res.headers['x-request-id']).toMatch(/^req_/);
    expect(JSON.parse(res.body).error).toMatchObject({ type: 'invalid_request_error', code: 'malformed_request' });
  });
});
