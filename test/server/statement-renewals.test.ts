/** Renewals are charges too: each renewed period is one statement line, however many requests notice it. */
import { expect, test } from 'vitest';
import { inProcessServer } from '../helpers/app.js';
import { setAccountPhone } from '../../src/server/store/accounts.js';

test('each renewed period of an auto-renewing subscription is one line, in the month it starts', async () => {
  const s = await inProcessServer({ start: '2026-11-10T02:00:00Z' });
  const call = async (path: string, init: { method?: string; body?: unknown; key?: string } = {}) => {
    const res = await s.fetch(`http://x${path}`, {
      method: init.method ?? (init.body ? 'POST' : 'GET'),
      headers: { authorization: `Bearer ${s.key}`, 'content-type': 'application/json', 'idempotency-key': `k-${path}-${Math.random()}` },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    return (await res.json()) as any;
  };
  await call('/v1/subscriptions', { body: { plan_id: 'lite-monthly' } });
  await call('/v1/subscription', { method: 'PATCH', body: { auto_renew: true } });
  s.advance(75 * 86_400_000); // to 24 January: two periods renewed (10 December, 10 January)
  await Promise.all([call('/v1/quota'), call('/v1/quota')]);
  const lines = async (month: string) => ((await call(`/v1/statements/${month}`)).lines as { description: string; amount: { amount_minor: number } }[]).map((l) => [l.description, l.amount.amount_minor]);
  expect(await lines('2026-11')).toEqual([['Token Plan: Lite subscription, first month', 990]]);
  expect(await lines('2026-12')).toEqual([['Token Plan: Lite subscription, renewal 2026-12', 4900]]);
  expect(await lines('2027-01')).toEqual([['Token Plan: Lite subscription, renewal 2027-01', 4900]]);
  expect((await call('/v1/statements/2027-01')).total.amount_minor).toBe(4900);
});

test('a statement and an invoice include the renewals due, without any other request first', async () => {
  const s = await inProcessServer({ start: '2026-11-10T02:00:00Z' });
  const call = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await s.fetch(`http://x${path}`, {
      method: init.method ?? (init.body ? 'POST' : 'GET'),
      headers: { authorization: `Bearer ${s.key}`, 'content-type': 'application/json', 'idempotency-key': `k-${Math.random()}` },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    return { status: res.status, json: (await res.json()) as any };
  };
  await call('/v1/subscriptions', { body: { plan_id: 'lite-monthly' } });
  await call('/v1/subscription', { method: 'PATCH', body: { auto_renew: true } });
  s.advance(35 * 86_400_000); // to 15 December: the December period is due, and nothing has noticed it
  expect((await call('/v1/statements/2026-12')).json.total.amount_minor).toBe(4900);
  s.advance(31 * 86_400_000); // to 15 January: the invoice is the first request to see the January renewal
  const invoice = await call('/v1/invoices', { body: { month: '2027-01', title: 'Example Ltd', tax_id: '91350100M000100Y43' } });
  expect(invoice.status).toBe(201);
  expect(invoice.json.amount.amount_minor).toBe(4900);
});

test('a subscription first paid by phone bill renews on the phone bill', async () => {
  const codes: string[] = [];
  const s = await inProcessServer({ start: '2026-11-10T02:00:00Z', sms: { send: (m) => (codes.push(m.code!), Promise.resolve()) } });
  await setAccountPhone(s.db, s.account.id, '+8613800000099');
  const call = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await s.fetch(`http://x${path}`, {
      method: init.method ?? (init.body ? 'POST' : 'GET'),
      headers: { authorization: `Bearer ${s.key}`, 'content-type': 'application/json', 'idempotency-key': `k-${Math.random()}` },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    return (await res.json()) as any;
  };
  const payment = await call('/v1/subscriptions', { body: { plan_id: 'lite-monthly', payment_method: 'phone_bill' } });
  expect((await call(`/v1/payments/${payment.id}/validate`, { body: { code: codes[0] } })).status).toBe('succeeded');
  await call('/v1/subscription', { method: 'PATCH', body: { auto_renew: true } });
  s.advance(35 * 86_400_000);
  const lines = (await call('/v1/statements/2026-12')).lines as { description: string; payment_method: string }[];
  expect(lines.map((l) => [l.description, l.payment_method])).toEqual([['Token Plan: Lite subscription, renewal 2026-12', 'phone_bill']]);
});
