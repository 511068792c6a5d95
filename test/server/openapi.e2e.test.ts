/**
 * Every endpoint's real answers, success and error, validated against docs/token-plan-api.yaml with
 * an OpenAPI 3.1 validator, so the published contract and the server cannot drift apart.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { validate } from '@hyperjump/json-schema/openapi-3-1';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { api, buy, chat, startServe, startServeWithSms, type Served } from '../helpers/serve.js';
import { onPostgres } from '../helpers/pg.js';
import { ROOT, tempDir } from '../helpers/procs.js';
import { fetchBrowser, pollToken, verifyPhone } from '../helpers/device-web.js';

const doc = YAML.parse(readFileSync(join(ROOT, 'docs/token-plan-api.yaml'), 'utf8'));
// The validator recognises OpenAPI documents by the `.openapi.json` extension.
const file = join(tempDir('openapi-'), 'token-plan-api.openapi.json');
writeFileSync(file, JSON.stringify(doc));
const base = pathToFileURL(file).href;

const escape = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1').replaceAll('{', '%7B').replaceAll('}', '%7D');

/** The pointer of the JSON schema for one documented answer, following a $ref to a shared response. */
function schemaPointer(method: string, path: string, status: number): string {
  const responses = doc.paths[path]?.[method]?.responses;
  if (!responses?.[String(status)]) throw new Error(`${method.toUpperCase()} ${path} does not document ${status}`);
  const response = responses[String(status)];
  const at = response.$ref ?? `#/paths/${escape(path)}/${method}/responses/${status}`;
  return `${at}/content/application~1json/schema`;
}

async function expectConforms(method: string, path: string, res: { status: number; json: unknown; headers: Headers }) {
  expect(res.headers.get('x-request-id'), `${method} ${path} x-request-id`).toBeTruthy();
  const output = await validate(base + schemaPointer(method, path, res.status), res.json as any, 'BASIC');
  expect(output.valid, `${method.toUpperCase()} ${path} ${res.status}: ${JSON.stringify((output as any).errors?.slice(0, 3))}`).toBe(true);
}

let s: Served;
beforeAll(async () => {
  s = await startServe(['--payment-delay-ms', '300', '--max-body-bytes', '2000']);
});
afterAll(() => s.stop());

describe('the server answers as docs/token-plan-api.yaml says', () => {
  test('GET /health says the database answers, without a key', async () => {
    const health = await api(s.url, '/health');
    expect(health.status).toBe(200);
    expect(health.json.database.dialect).toBe(onPostgres ? 'postgres' : 'sqlite');
    await expectConforms('get', '/health', health);
  });

  test('the document itself is valid OpenAPI 3.1', async () => {
    const output = await validate('https://spec.openapis.org/oas/3.1/schema-base', doc, 'BASIC');
    expect(output.valid, JSON.stringify((output as any).errors?.slice(0, 3))).toBe(true);
  });

  test('the validator rejects an answer that breaks the contract', async () => {
    const broken = { tokens_remaining: -1, tokens_held: 0, packs: [], as_of: 'now' };
    const output = await validate(base + schemaPointer('get', '/v1/balance', 200), broken, 'BASIC');
    expect(output.valid).toBe(false);
  });

  test('account, plans, balance, usage, models, purchases', async () => {
    await expectConforms('get', '/v1/plans', await api(s.url, '/v1/plans'));
    await expectConforms('get', '/v1/models', await api(s.url, '/v1/models'));
    await expectConforms('get', '/v1/account', await api(s.url, '/v1/account', { key: s.key }));
    await expectConforms('get', '/v1/account', await api(s.url, '/v1/account'));
    await expectConforms('get', '/v1/balance', await api(s.url, '/v1/balance', { key: s.key }));
    await expectConforms('get', '/v1/balance', await api(s.url, '/v1/balance', { key: 'tp_nope' }));
    const bought = await buy(s.url, s.key, 'starter', 'doc-key');
    await expectConforms('post', '/v1/purchases', bought);
    await expectConforms('post', '/v1/purchases', await buy(s.url, s.key, 'starter', 'doc-key'));
    await expectConforms('post', '/v1/purchases', await buy(s.url, s.key, 'basic', 'doc-key'));
    await expectConforms('post', '/v1/purchases', await buy(s.url, s.key, 'missing'));
    await expectConforms('post', '/v1/purchases', await api(s.url, '/v1/purchases', { key: s.key, body: { plan_id: 'starter', extra: 1 }, headers: { 'idempotency-key': 'z' } }));
    const [, inUse] = await Promise.all([buy(s.url, s.key, 'starter', 'slow'), new Promise((r) => setTimeout(r, 100)).then(() => buy(s.url, s.key, 'starter', 'slow'))]);
    expect(inUse.status).toBe(409);
    await expectConforms('post', '/v1/purchases', inUse);
    await expectConforms('get', '/v1/purchases', await api(s.url, '/v1/purchases', { key: s.key }));
    await expectConforms('get', '/v1/usage', await api(s.url, '/v1/usage?group_by=model&since=2026-01-01', { key: s.key }));
    await expectConforms('get', '/v1/usage', await api(s.url, '/v1/usage?since=yesterday', { key: s.key }));
  });

  test('a run looked up by the Idempotency-Key it was sent with', async () => {
    await buy(s.url, s.key, 'starter', 'run-lookup');
    const sent = await api(s.url, '/v1/chat/completions', { key: s.key, body: { model: 'demo-mini', max_tokens: 3, messages: [{ role: 'user', content: 'hi' }] }, headers: { 'idempotency-key': 'run-0001' } });
    expect(sent.status).toBe(200);
    const found = await api(s.url, '/v1/usage/runs/run-0001', { key: s.key });
    await expectConforms('get', '/v1/usage/runs/{runId}', found);
    expect(found.json).toMatchObject({ run_id: 'run-0001', status: 'completed', completion_tokens: 3, billed_tokens: sent.json.usage.billing.billed_tokens });
    const missing = await api(s.url, '/v1/usage/runs/never-sent', { key: s.key });
    expect(missing.status).toBe(404);
    await expectConforms('get', '/v1/usage/runs/{runId}', missing);
    await expectConforms('get', '/v1/usage/runs/{runId}', await api(s.url, '/v1/usage/runs/run-0001'));
  });

  test('chat completions: JSON, stream chunks, and errors', async () => {
    const plain = await chat(s.url, s.key, { max_tokens: 5 });
    await expectConforms('post', '/v1/chat/completions', plain);
    const streamed = await chat(s.url, s.key, { max_tokens: 5, stream: true, stream_options: { include_usage: true } });
    const events = streamed.text.split('\n\n').filter(Boolean).map((e) => e.replace(/^data: /, ''));
    expect(events.at(-1)).toBe('[DONE]');
    for (const e of events.slice(0, -1)) {
      const output = await validate(`${base}#/components/schemas/ChatCompletionChunk`, JSON.parse(e), 'BASIC');
      expect(output.valid, e).toBe(true);
    }
    await expectConforms('post', '/v1/chat/completions', await chat(s.url, s.key, { model: 'nope' }));
    await expectConforms('post', '/v1/chat/completions', await chat(s.url, s.key, { messages: [] }));
    await expectConforms('post', '/v1/chat/completions', await chat(s.url, s.key, { messages: [{ role: 'user', content: 'x'.repeat(3000) }] }));
    await expectConforms('post', '/v1/chat/completions', await chat(s.url, s.key, { model: 'demo-pro', max_tokens: 30000 }));
    const fresh = await api(s.url, '/v1/chat/completions', { key: 'tp_' + 'a'.repeat(40), body: { model: 'demo-mini', messages: [] } });
    await expectConforms('post', '/v1/chat/completions', fresh);
  });

  test('subscriptions, upgrades, quota, the window 429 and the quota headers', async () => {
    const other = await startServe();
    try {
      const key = other.key;
      await expectConforms('get', '/v1/subscription-plans', await api(other.url, '/v1/subscription-plans'));
      await expectConforms('get', '/v1/quota', await api(other.url, '/v1/quota', { key }));
      await expectConforms('get', '/v1/subscription', await api(other.url, '/v1/subscription', { key }));
      const sub = (body: unknown, k = 'sub-1') => api(other.url, '/v1/subscriptions', { key, body, headers: { 'idempotency-key': k } });
      await expectConforms('post', '/v1/subscriptions', await sub({ plan_id: 'nope' }));
      await expectConforms('post', '/v1/subscriptions', await sub({ plan_id: 'lite-monthly' }));
      await expectConforms('post', '/v1/subscriptions', await sub({ plan_id: 'lite-monthly' }));
      await expectConforms('post', '/v1/subscriptions', await sub({ plan_id: 'pro-monthly' }));
      const exists = await sub({ plan_id: 'pro-monthly' }, 'sub-2');
      expect(exists.status).toBe(409);
      await expectConforms('post', '/v1/subscriptions', exists);
      await expectConforms('get', '/v1/subscription', await api(other.url, '/v1/subscription', { key }));
      await expectConforms('patch', '/v1/subscription', await api(other.url, '/v1/subscription', { key, method: 'PATCH', body: { auto_renew: true } }));
      await expectConforms('patch', '/v1/subscription', await api(other.url, '/v1/subscription', { key, method: 'PATCH', body: { auto_renew: 'yes' } }));
      const upgrade = (plan_id: string, k: string) => api(other.url, '/v1/subscription/upgrade', { key, body: { plan_id }, headers: { 'idempotency-key': k } });
      await expectConforms('post', '/v1/subscription/upgrade', await upgrade('lite-monthly', 'up-1'));
      await expectConforms('post', '/v1/subscription/upgrade', await upgrade('nope', 'up-1'));
      const answered = await chat(other.url, key, { model: 'demo-glm', max_tokens: 3 });
      await expectConforms('post', '/v1/chat/completions', answered);
      expect(answered.headers.get('x-quota-rolling-5h-requests-remaining')).toBe('79');
      await expectConforms('get', '/v1/quota', await api(other.url, '/v1/quota', { key }));
      await expectConforms('get', '/v1/models', await api(other.url, '/v1/models'));
      // 80 requests per 5 h on Lite: the 81st is refused by the window, not by the rate limiter.
      for (let i = 0; i < 79; i++) expect((await chat(other.url, key, { max_tokens: 1 })).status).toBe(200);
      const refused = await chat(other.url, key, { max_tokens: 1 });
      expect(refused.status).toBe(429);
      expect(refused.json.error).toMatchObject({ type: 'insufficient_quota', code: 'quota_exhausted_rolling_5h', window: 'rolling_5h' });
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(4 * 3600);
      await expectConforms('post', '/v1/chat/completions', refused);
      const upgraded = await upgrade('pro-monthly', 'up-2');
      await expectConforms('post', '/v1/subscription/upgrade', upgraded);
      expect(upgraded.json).toMatchObject({ plan_id: 'pro-monthly' });
      expect((await chat(other.url, key, { max_tokens: 1 })).status).toBe(200);
    } finally {
      await other.stop();
    }
  });

  test('HEAD, and the HTTP layer\'s own errors', async () => {
    const head = await fetch(`${s.url}/v1/plans`, { method: 'HEAD' });
    expect(doc.paths['/v1/plans'].head.responses[String(head.status)]).toBeDefined();
    expect(head.headers.get('x-request-id')).toBeTruthy();
    const tooLarge = await fetch(`${s.url}/v1/plans`, { headers: { 'x-big': 'x'.repeat(20_000) } });
    await expectConforms('get', '/v1/plans', { status: tooLarge.status, json: await tooLarge.json(), headers: tooLarge.headers });
  });

  test('phone-bill payments, statements and invoices', async () => {
    const other = await startServeWithSms(['--phone-bill-monthly-cap', '15']);
    try {
      const key = await other.phoneAccount('doc', '13800000000');
      const pay = (plan: string, k: string, path = '/v1/purchases') => api(other.url, path, { key, body: { plan_id: plan, payment_method: 'phone_bill' }, headers: { 'idempotency-key': k } });
      const at = (id: string, action = '') => `/v1/payments/${id}${action}`;
      const prepared = await pay('basic', 'p-1');
      await expectConforms('post', '/v1/purchases', prepared);
      await expectConforms('post', '/v1/purchases', await pay('basic', 'p-1'));
      await expectConforms('post', '/v1/purchases', await pay('basic', 'p-2'));
      await expectConforms('post', '/v1/purchases', await buy(other.url, other.key, 'starter'));
      await expectConforms('post', '/v1/purchases', await api(other.url, '/v1/purchases', { key: other.key, body: { plan_id: 'starter', payment_method: 'phone_bill' }, headers: { 'idempotency-key': 'p-3' } }));
      const id = prepared.json.id as string;
      await expectConforms('get', '/v1/payments/{id}', await api(other.url, at(id), { key }));
      await expectConforms('get', '/v1/payments/{id}', await api(other.url, at('pay_nope'), { key }));
      await expectConforms('post', '/v1/payments/{id}/resend', await api(other.url, at(id, '/resend'), { key, method: 'POST' }));
      await expectConforms('post', '/v1/payments/{id}/validate', await api(other.url, at(id, '/validate'), { key, body: { code: 'x' } }));
      await expectConforms('post', '/v1/payments/{id}/validate', await api(other.url, at(id, '/validate'), { key, body: { code: '000000' === other.lastCode() ? '000001' : '000000' } }));
      await expectConforms('post', '/v1/payments/{id}/validate', await api(other.url, at(id, '/validate'), { key, body: { code: other.lastCode() } }));
      await expectConforms('post', '/v1/payments/{id}/cancel', await api(other.url, at(id, '/cancel'), { key, method: 'POST' }));
      const sub = await pay('lite-monthly', 's-1', '/v1/subscriptions');
      await expectConforms('post', '/v1/subscriptions', sub);
      await expectConforms('post', '/v1/payments/{id}/cancel', await api(other.url, at(sub.json.id, '/cancel'), { key, method: 'POST' }));
      await expectConforms('post', '/v1/payments/{id}/validate', await api(other.url, at(sub.json.id, '/validate'), { key, body: { code: other.lastCode() } }));
      const month = (prepared.json.created_at as string).slice(0, 7);
      await expectConforms('get', '/v1/statements/{month}', await api(other.url, '/v1/statements/2026-11', { key }));
      await expectConforms('get', '/v1/statements/{month}', await api(other.url, '/v1/statements/2026-1', { key }));
      const invoice = (body: object) => api(other.url, '/v1/invoices', { key, body: { title: 'ACME', tax_id: '91350100M000100Y43', ...body } });
      await expectConforms('post', '/v1/invoices', await invoice({ order_id: prepared.json.order?.id ?? (await api(other.url, at(id), { key })).json.order.id }));
      await expectConforms('post', '/v1/invoices', await invoice({ month }));
      await expectConforms('post', '/v1/invoices', await invoice({ month }));
      await expectConforms('post', '/v1/invoices', await invoice({ month, tax_id: '123' }));
      await expectConforms('post', '/v1/invoices', await invoice({ order_id: 'pur_nope' }));
      await expectConforms('get', '/v1/invoices', await api(other.url, '/v1/invoices', { key }));
    } finally {
      await other.stop();
    }
  });
});

describe('device logins answer as docs/token-plan-api.yaml says', () => {
  test('device code, every token answer, and the account\'s keys', async () => {
    const d = await startServe(['--device-interval', '1'], { smsOutbox: true });
    try {
      const started = await api(d.url, '/v1/oauth/device/code', { body: { client_name: 'doc-box' } });
      await expectConforms('post', '/v1/oauth/device/code', started);
      await expectConforms('post', '/v1/oauth/device/code', await api(d.url, '/v1/oauth/device/code', { body: { client_name: '' } }));
      const code = started.json as { device_code: string; user_code: string };
      await expectConforms('post', '/v1/oauth/token', await pollToken(d, code.device_code));
      const slow = await pollToken(d, code.device_code);
      expect(slow.json.error).toBe('slow_down');
      await expectConforms('post', '/v1/oauth/token', slow);
      await expectConforms('post', '/v1/oauth/token', await pollToken(d, 'dc_unknown'));

      const approved = await api(d.url, '/v1/oauth/device/code', { body: { client_name: 'doc-box' } });
      const b = fetchBrowser(d.url);
      await verifyPhone(b, d, approved.json.user_code, '13300133000', '+8613300133000');
      await b.post('/device/decision', { decision: 'approve' });
      const token = await pollToken(d, approved.json.device_code);
      await expectConforms('post', '/v1/oauth/token', token);
      const key = token.json.access_token as string;
      await expectConforms('get', '/v1/account/keys', await api(d.url, '/v1/account/keys', { key }));
      await expectConforms('get', '/v1/account/keys', await api(d.url, '/v1/account/keys'));
      await expectConforms('delete', '/v1/account/keys/{id}', await api(d.url, '/v1/account/keys/nope', { key, method: 'DELETE' }));
      await expectConforms('delete', '/v1/account/keys/{id}', await api(d.url, `/v1/account/keys/${key.slice(3, 11)}`, { key, method: 'DELETE' }));
    } finally {
      await d.stop();
    }
  });
});
