/**
 * The reference server as a real process on 127.0.0.1 with a real SQLite file: persistence, the
 * error envelope, idempotent purchases, limits, and a clean shutdown.
 */
import { describe, expect, test } from 'vitest';
import { api, buy, chat, startServe } from '../helpers/serve.js';
import { BIN, cleanEnv, tempDir } from '../helpers/procs.js';
import { execFileSync, spawnSync } from 'node:child_process';
import net from 'node:net';
import { once } from 'node:events';

describe('tokencli serve', () => {
  test('prints its URL alone on stdout and the new demo key once on stderr', async () => {
    const s = await startServe();
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(s.key).toMatch(/^tp_[0-9A-Za-z]{32,}$/);
    await s.stop();
    const again = await startServe([], { dataDir: s.dataDir });
    expect(again.stderr()).not.toMatch(/tp_/);
    expect((await api(again.url, '/v1/account', { key: s.key })).json.name).toBe('demo');
    await again.stop();
  });

  test('a bought pack survives a restart on the same data dir', async () => {
    const s = await startServe();
    expect((await buy(s.url, s.key)).status).toBe(201);
    const before = (await api(s.url, '/v1/balance', { key: s.key })).json;
    expect(await s.stop()).toEqual({ code: 0, signal: null });
    const again = await startServe([], { dataDir: s.dataDir });
    const after = (await api(again.url, '/v1/balance', { key: s.key })).json;
    expect(after.tokens_remaining).toBe(400_000);
    expect(after.packs).toEqual(before.packs);
    await again.stop();
  });

  test('every answer carries x-request-id and errors use the OpenAI envelope', async () => {
    const s = await startServe();
    const cases = [
      { res: await api(s.url, '/v1/plans'), status: 200 },
      { res: await api(s.url, '/v1/balance'), status: 401, type: 'authentication_error', code: 'invalid_api_key' },
      { res: await api(s.url, '/v1/balance', { key: 'tp_' + 'x'.repeat(40) }), status: 401, type: 'authentication_error' },
      { res: await buy(s.url, s.key, 'nope'), status: 404, type: 'not_found', code: 'plan_not_found' },
      { res: await api(s.url, '/v1/purchases', { key: s.key, body: '{"plan_id":', headers: { 'idempotency-key': 'x' } }), status: 400, type: 'invalid_request_error' },
      { res: await api(s.url, '/v1/purchases', { key: s.key, body: { plan_id: 'starter' } }), status: 400, code: 'idempotency_key_missing' },
      { res: await chat(s.url, s.key, { model: 'gpt-nope' }), status: 404, code: 'model_not_found' },
      { res: await chat(s.url, s.key, { max_tokens: -1 }), status: 400, type: 'invalid_request_error' },
      { res: await api(s.url, '/v1/usage?group_by=week', { key: s.key }), status: 400 },
    ];
    for (const c of cases) {
      expect(c.res.status).toBe(c.status);
      expect(c.res.headers.get('x-request-id')).toMatch(/^req_/);
      if (c.status >= 400) {
        expect(Object.keys(c.res.json.error).sort()).toEqual(['code', 'message', 'param', 'type']);
        if (c.type) expect(c.res.json.error.type).toBe(c.type);
        if (c.code) expect(c.res.json.error.code).toBe(c.code);
      }
    }
    // One id per answer, never one shared or repeated.
    expect(new Set(cases.map((c) => c.res.headers.get('x-request-id'))).size).toBe(cases.length);
    await s.stop();
  });

  test('Idempotency-Key: same body replays the same purchase, another body is 422', async () => {
    const s = await startServe();
    const first = await buy(s.url, s.key, 'starter', 'same-key');
    const second = await buy(s.url, s.key, 'starter', 'same-key');
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.json).toEqual(first.json);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const other = await buy(s.url, s.key, 'basic', 'same-key');
    expect(other.status).toBe(422);
    expect(other.json.error.type).toBe('idempotency_key_reused');
    const balance = (await api(s.url, '/v1/balance', { key: s.key })).json;
    expect(balance.packs).toHaveLength(1);
    expect((await api(s.url, '/v1/purchases', { key: s.key })).json.data).toHaveLength(1);
    await s.stop();
  });

  test('a key whose first request is still running answers 409', async () => {
    const s = await startServe(['--payment-delay-ms', '400']);
    const [a, b] = await Promise.all([
      buy(s.url, s.key, 'starter', 'racing'),
      new Promise((r) => setTimeout(r, 100)).then(() => buy(s.url, s.key, 'starter', 'racing')),
    ]);
    expect(a.status).toBe(201);
    expect(b.status).toBe(409);
    expect(b.json.error.type).toBe('idempotency_key_in_use');
    expect((await buy(s.url, s.key, 'starter', 'racing')).json).toEqual(a.json);
    await s.stop();
  });

  test('413 for a body over the limit, 429 with Retry-After past the rate limit', async () => {
    const s = await startServe(['--max-body-bytes', '1000', '--rate-limit', '1', '--rate-burst', '3']);
    const big = await chat(s.url, s.key, { messages: [{ role: 'user', content: 'x'.repeat(5000) }] });
    expect(big.status).toBe(413);
    expect(big.json.error.type).toBe('request_too_large');
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 6; i++) {
      const r = await api(s.url, '/v1/balance', { key: s.key });
      statuses.push(r.status);
      if (r.status === 429) retryAfter = r.headers.get('retry-after');
    }
    expect(statuses).toContain(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    await s.stop();
  });

  test('a PostgreSQL database that cannot be reached: one clear line and exit 3, before listening', async () => {
    const r = spawnSync(process.execPath, [BIN, 'serve', '--port', '0', '--data-dir', tempDir(), '--database', 'postgres://tokenplan:secret@127.0.0.1:1/tokenplan', '--db-timeout-ms', '2000'], { env: cleanEnv(tempDir()), encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^error: cannot use the PostgreSQL database at postgres:\/\/tokenplan:\*\*\*@127\.0\.0\.1:1\/tokenplan: connect ECONNREFUSED/);
    expect(r.stderr).not.toContain('secret');
  });

  test('keys create mints a key alone on stdout for a new account with no packs', async () => {
    const s = await startServe();
    const key = execFileSync(process.execPath, [BIN, 'serve', 'keys', 'create', '--account', 'ci', '--data-dir', s.dataDir, ...s.storeArgs], {
      env: cleanEnv(tempDir()),
    }).toString();
    expect(key).toMatch(/^tp_[0-9A-Za-z]{32,}\n$/);
    const account = await api(s.url, '/v1/account', { key: key.trim() });
    expect(account.json.name).toBe('ci');
    expect((await api(s.url, '/v1/balance', { key: key.trim() })).json.tokens_remaining).toBe(0);
    await s.stop();
  });

  test('keys create gives an account a phone number once and never replaces it', async () => {
    const s = await startServe();
    const create = (phone: string) =>
      spawnSync(process.execPath, [BIN, 'serve', 'keys', 'create', '--account', 'alice', '--phone', phone, '--data-dir', s.dataDir, ...s.storeArgs], { env: cleanEnv(tempDir()), encoding: 'utf8' });
    expect(create('13800000001').status).toBe(0);
    expect(create('+86 138 0000 0001').status).toBe(0);
    const replaced = create('13900000000');
    expect(replaced.status).toBe(2);
    expect(replaced.stdout).toBe('');
    expect(replaced.stderr).toMatch(/^error: account "alice" already has the phone number \+86 138\*\*\*\*0001: serve keys create does not replace it\n/);
    await s.stop();
  });

  test('after the grace period, SIGTERM cuts connections that never sent a whole request (a browser preconnect)', async () => {
    const s = await startServe(['--shutdown-grace', '1']);
    const { port } = new URL(s.url);
    const silent = net.connect(Number(port), '127.0.0.1');
    const partial = net.connect(Number(port), '127.0.0.1');
    // A cut connection may end with a reset: that is the point, not an error of the test.
    for (const socket of [silent, partial]) socket.on('error', () => {});
    await Promise.all([once(silent, 'connect'), once(partial, 'connect')]);
    partial.write('GET /v1/models HTTP/1.1\r\nHost: x\r\n');
    // events.once would reject on the reset; a cut socket's end is its 'close', however it came.
    const closed = Promise.all([silent, partial].map((socket) => new Promise((resolve) => socket.once('close', resolve))));
    // Without the cut, Node's 60-second header timeout would hold the process up past this test's timeout.
    expect(await s.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    await closed;
  });

  test('SIGTERM lets an in-flight stream finish and settle, then exits 0', async () => {
    const s = await startServe(['--demo-delay-ms', '20']);
    await buy(s.url, s.key);
    const pending = chat(s.url, s.key, { max_tokens: 20, stream: true, stream_options: { include_usage: true } });
    await new Promise((r) => setTimeout(r, 100));
    const stopped = s.stop('SIGTERM');
    const res = await pending;
    expect(res.text).toContain('data: [DONE]');
    expect(res.text).toMatch(/"completion_tokens":20/);
    expect(await stopped).toEqual({ code: 0, signal: null });
  });
});
