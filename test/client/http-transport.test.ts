/**
 * The node:http transport against real sockets: a stream arrives byte for byte and in order however
 * the server cuts it, and every way a connection fails ends as the client's own error class.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer, globalAgent } from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { TokenClient } from '../../src/client/client.js';
import { AbortedError, ConnectionError, InsufficientQuotaError, TimeoutError } from '../../src/client/errors.js';
import { httpFetch } from '../../src/client/http-transport.js';

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
});

/** A server on a free port; `handle` answers every request. */
async function serve(handle: (res: ServerResponse, body: string, url: string, headers: Record<string, unknown>) => void): Promise<string> {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => handle(res, body, req.url ?? '', req.headers));
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

const client = (baseUrl: string, o: { timeoutMs?: number } = {}) => new TokenClient({ baseUrl, apiKey: 'tp_test', fetch: httpFetch, maxRetries: 0, ...o });
const ask = { model: 'm', messages: [{ role: 'user' as const, content: 'hi' }] };
const event = (content: string) => `data: ${JSON.stringify({ choices: [{ delta: { content }, finish_reason: null }] })}\n\n`;

describe('httpFetch', () => {
  test('an https URL is asked over TLS (node:https is loaded only then)', async () => {
    const tls = (file: string) => readFileSync(new URL(`../fixtures/tls/${file}`, import.meta.url));
    server = createTlsServer({ cert: tls('localhost-cert.pem'), key: tls('localhost-key.pem') }, (req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ secure: (req.socket as { encrypted?: boolean }).encrypted === true, path: req.url }));
    }) as unknown as Server;
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const trusted = globalAgent.options.ca;
    globalAgent.options.ca = tls('localhost-cert.pem');
    try {
      const res = await httpFetch(`https://127.0.0.1:${(server.address() as AddressInfo).port}/v1/balance`, { method: 'GET', headers: {} });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ secure: true, path: '/v1/balance' });
    } finally {
      globalAgent.options.ca = trusted;
    }
  });

  test('a stream cut anywhere, even inside a UTF-8 character, arrives byte for byte, in order, batch by batch', async () => {
    const pieces = Array.from({ length: 300 }, (_, i) => ['é', '漢字', ' token', '🙂', `${i}`][i % 5]!);
    const wire = Buffer.from(pieces.map(event).join('') + 'data: {"choices":[{"delta":{},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n');
    const url = await serve(async (res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      // Odd cuts, each its own network write, so that reads end mid-event and mid-character.
      for (let at = 0; at < wire.length; at += 7) {
        res.write(wire.subarray(at, at + 7));
        if (at % 700 === 0) await new Promise((r) => setTimeout(r, 1));
      }
      res.end();
    });
    let text = '';
    let batches = 0;
    for await (const batch of await client(url).chat.streamBatches(ask)) {
      expect(batch.length).toBeGreaterThan(0);
      batches++;
      for (const c of batch) text += c.choices?.[0]?.delta?.content ?? '';
    }
    expect(text).toBe(pieces.join(''));
    expect(batches).toBeGreaterThan(1);
  });

  test('JSON answers, errors and headers read as with fetch', async () => {
    const url = await serve((res, body, path, headers) => {
      if (path === '/v1/balance') {
        res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_9' });
        return res.end(JSON.stringify({ tokens_remaining: 5, tokens_held: 0, packs: [], as_of: '2026-11-27T00:00:00Z', echo: [headers.authorization, body] }));
      }
      res.writeHead(402, { 'content-type': 'application/json', 'x-request-id': 'req_10' });
      res.end('{"error":{"type":"insufficient_quota","code":"insufficient_balance","message":"out of tokens","param":null}}');
    });
    const c = client(url);
    expect(await c.balance.get()).toMatchObject({ tokens_remaining: 5, echo: ['Bearer tp_test', ''] });
    const e = await c.chat.create(ask).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InsufficientQuotaError);
    expect(e).toMatchObject({ message: 'out of tokens', requestId: 'req_10' });
  });

  test('nothing listening is a ConnectionError that names the cause', async () => {
    const url = await serve(() => undefined);
    server!.close();
    const e = await client(url).balance.get().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ConnectionError);
    expect((e as Error).message).toMatch(/could not reach .*ECONNREFUSED/);
  });

  test('a server that dies mid-stream is a ConnectionError, not a short answer', async () => {
    const url = await serve((res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(event('half'));
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const got: string[] = [];
    const e = await (async () => {
      for await (const c of await client(url).chat.stream(ask)) got.push(c.choices?.[0]?.delta?.content ?? '');
    })().catch((x: unknown) => x);
    expect(got).toEqual(['half']);
    expect(e).toBeInstanceOf(ConnectionError);
    expect((e as Error).message).toMatch(/the stream broke before it finished/);
  });

  test('no headers within the timeout is a TimeoutError; an abort mid-stream is an AbortedError', async () => {
    const url = await serve((res, _body, path) => {
      if (path === '/v1/balance') return; // never answers
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(event('a'));
    });
    await expect(client(url, { timeoutMs: 200 }).balance.get()).rejects.toBeInstanceOf(TimeoutError);
    const controller = new AbortController();
    const e = await (async () => {
      for await (const _ of await client(url).chat.stream(ask, { signal: controller.signal })) controller.abort('SIGINT');
    })().catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AbortedError);
  });

  test('a redirect to another origin is followed without the key', async () => {
    const target = await serve((res, _b, _p, headers) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ tokens_remaining: 1, tokens_held: 0, packs: [], as_of: 'x', auth: headers.authorization ?? null }));
    });
    const first = server!;
    const origin = await serve((res) => {
      res.writeHead(307, { location: `${target.replace('127.0.0.1', 'localhost')}/v1/balance` });
      res.end();
    });
    expect(await client(origin).balance.get()).toMatchObject({ tokens_remaining: 1, auth: null });
    first.close();
  });
});
