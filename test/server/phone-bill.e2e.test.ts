/**
 * Phone-bill payments, statements and invoices (issue 16) against a real `tokencli serve` whose SMS
 * go to an outbox file: the code is read from there, as a person reads it from their phone.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { api, balanceOf, buy, startServeWithSms, type ServedWithSms } from '../helpers/serve.js';

const pay = (s: ServedWithSms, key: string, plan = 'starter', idempotencyKey = `k-${Math.random()}`, path = '/v1/purchases') =>
  api(s.url, path, { key, body: { plan_id: plan, payment_method: 'phone_bill' }, headers: { 'idempotency-key': idempotencyKey } });
const validate = (s: ServedWithSms, key: string, id: string, code: string) => api(s.url, `/v1/payments/${id}/validate`, { key, body: { code } });
/** A code that is not the one sent. */
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
/** The month a time falls in, in the zone statements are kept in. */
const monthOf = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date(iso));

// A cap of ¥25 a month: room for two ¥10 packs, not three.
let s: ServedWithSms;
beforeAll(async () => {
  s = await startServeWithSms(['--phone-bill-monthly-cap', '25', '--payment-attempts', '3']);
});
afterAll(() => s.stop());

describe('a phone-bill purchase', () => {
  test('answers 202 pending_validation, texts the code, and takes effect only once validated', async () => {
    const key = await s.phoneAccount('valid', '13800000001');
    const sent = s.sms().length;
    const prepared = await pay(s, key, 'starter');
    expect(prepared.status).toBe(202);
    expect(prepared.json).toMatchObject({ status: 'pending_validation', payment_method: 'phone_bill', amount: { amount_minor: 100, currency: 'CNY' }, phone: '+86 138****0001', attempts_remaining: 3, order: { type: 'purchase', plan_id: 'starter', id: null } });
    const texts = s.sms().slice(sent);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ to: '+8613800000001', purpose: 'payment' });
    expect(texts[0]!.text).toContain('Token Plan: Starter pack');
    expect((await balanceOf(s.url, key)).tokens_remaining).toBe(0);

    const done = await validate(s, key, prepared.json.id, texts[0]!.code!);
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ status: 'succeeded', order: { type: 'purchase', id: expect.stringMatching(/^pur_/) } });
    expect((await balanceOf(s.url, key)).tokens_remaining).toBe(400_000);
    // The right code again (a client that lost the answer) replays the success; nothing is bought twice.
    expect((await validate(s, key, prepared.json.id, texts[0]!.code!)).json.status).toBe('succeeded');
    expect((await api(s.url, '/v1/purchases', { key })).json.data).toHaveLength(1);
  });

  test('wrong codes spend the attempts, then the payment is denied with validation_failed and takes no code', async () => {
    const key = await s.phoneAccount('wrong', '13800000002');
    const prepared = await pay(s, key);
    const code = s.lastCode();
    const first = await validate(s, key, prepared.json.id, wrong(code));
    expect(first.status).toBe(400);
    expect(first.json.error).toMatchObject({ code: 'invalid_code', attempts_remaining: 2 });
    expect((await validate(s, key, prepared.json.id, wrong(code))).json.error.attempts_remaining).toBe(1);
    const last = await validate(s, key, prepared.json.id, wrong(code));
    expect(last.status).toBe(402);
    expect(last.json.error.code).toBe('validation_failed');
    const afterwards = await validate(s, key, prepared.json.id, code);
    expect(afterwards.status).toBe(402);
    expect(afterwards.json.error.code).toBe('validation_failed');
    expect((await api(s.url, `/v1/payments/${prepared.json.id}`, { key })).json).toMatchObject({ status: 'denied', denial_reason: 'validation_failed', attempts_remaining: 0 });
    expect((await balanceOf(s.url, key)).tokens_remaining).toBe(0);
  });

  test('a retry with the same Idempotency-Key during validation answers the same payment and sends no second code', async () => {
    const key = await s.phoneAccount('retry', '13800000003');
    const sent = s.sms().length;
    const first = await pay(s, key, 'starter', 'retry-1');
    const again = await pay(s, key, 'starter', 'retry-1');
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.json.id).toBe(first.json.id);
    expect(s.sms().length - sent).toBe(1);
    await validate(s, key, first.json.id, s.lastCode());
    // After validation the replay shows the payment as it is now.
    const late = await pay(s, key, 'starter', 'retry-1');
    expect(late.json).toMatchObject({ id: first.json.id, status: 'succeeded' });
    expect(s.sms().length - sent).toBe(1);
    expect((await api(s.url, '/v1/purchases', { key })).json.data).toHaveLength(1);
    expect((await balanceOf(s.url, key)).tokens_remaining).toBe(400_000);
    // The same key with the instant method is another request: 422, not a second charge.
    expect((await buy(s.url, key, 'starter', 'retry-1')).status).toBe(422);
  });

  test('cancel before validation; the code is refused afterwards', async () => {
    const key = await s.phoneAccount('cancel', '13800000004');
    const prepared = await pay(s, key);
    const cancelled = await api(s.url, `/v1/payments/${prepared.json.id}/cancel`, { key, method: 'POST' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.json.status).toBe('cancelled');
    expect((await api(s.url, `/v1/payments/${prepared.json.id}/cancel`, { key, method: 'POST' })).status).toBe(200);
    const late = await validate(s, key, prepared.json.id, s.lastCode());
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe('payment_cancelled');
    expect((await balanceOf(s.url, key)).tokens_remaining).toBe(0);
  });

  test('the monthly cap refuses before any code is sent; pending payments count against it', async () => {
    const key = await s.phoneAccount('capped', '13800000005');
    const first = await pay(s, key, 'basic');
    expect(first.json.monthly_cap).toMatchObject({ limit: { amount_minor: 2500 }, used: { amount_minor: 1000 }, remaining: { amount_minor: 1500 } });
    await validate(s, key, first.json.id, s.lastCode());
    const second = await pay(s, key, 'basic');
    expect(second.status).toBe(202);
    const outbox = s.sms().length;
    const third = await pay(s, key, 'basic');
    expect(third.status).toBe(402);
    expect(third.json.error).toMatchObject({ type: 'insufficient_quota', code: 'monthly_cap_exceeded', monthly_cap: { remaining: { amount_minor: 500 } } });
    expect(s.sms().length).toBe(outbox);
    // Cancelling the pending one frees its share of the cap.
    await api(s.url, `/v1/payments/${second.json.id}/cancel`, { key, method: 'POST' });
    expect((await pay(s, key, 'basic')).status).toBe(202);
  });

  test('an account without a phone gets phone_required and no SMS; a code is resent only after a pause', async () => {
    const outbox = s.sms().length;
    const refused = await pay(s, s.key);
    expect(refused.status).toBe(400);
    expect(refused.json.error.code).toBe('phone_required');
    expect(s.sms().length).toBe(outbox);

    const key = await s.phoneAccount('resend', '13800000006');
    const prepared = await pay(s, key);
    const resend = await api(s.url, `/v1/payments/${prepared.json.id}/resend`, { key, method: 'POST' });
    expect(resend.status).toBe(429);
    expect(Number(resend.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  test('a subscription paid by phone bill starts only when validated', async () => {
    const key = await s.phoneAccount('subscriber', '13800000007');
    const prepared = await pay(s, key, 'lite-monthly', 'sub-1', '/v1/subscriptions');
    expect(prepared.status).toBe(202);
    expect(prepared.json).toMatchObject({ amount: { amount_minor: 990 }, order: { type: 'subscription', plan_id: 'lite-monthly' } });
    expect((await api(s.url, '/v1/subscription', { key })).status).toBe(404);
    const done = await validate(s, key, prepared.json.id, s.lastCode());
    expect(done.json.order.id).toMatch(/^sub_/);
    expect((await api(s.url, '/v1/subscription', { key })).json).toMatchObject({ id: done.json.order.id, status: 'active' });
  });
});

describe('what people type and do beside a payment', () => {
  test('a code typed with spaces or dashes, as the SMS groups it, is the code', async () => {
    const key = await s.phoneAccount('spaced', '13800000011');
    const prepared = await pay(s, key);
    const code = s.lastCode();
    const done = await validate(s, key, prepared.json.id, ` ${code.slice(0, 3)} ${code.slice(3)} `);
    expect(done.status).toBe(200);
    expect(done.json.status).toBe('succeeded');
    const other = await pay(s, key);
    const dashed = s.lastCode();
    expect((await validate(s, key, other.json.id, `${dashed.slice(0, 3)}-${dashed.slice(3)}`)).json.status).toBe('succeeded');
  });

  test('no second subscription while one paid by phone bill waits for its code; the waiting one still completes', async () => {
    const key = await s.phoneAccount('waiting', '13800000012');
    const waiting = await pay(s, key, 'lite-monthly', `w-${Math.random()}`, '/v1/subscriptions');
    const code = s.lastCode();
    const instant = await api(s.url, '/v1/subscriptions', { key, body: { plan_id: 'pro-monthly' }, headers: { 'idempotency-key': `i-${Math.random()}` } });
    expect(instant.status).toBe(409);
    expect(instant.json.error.code).toBe('subscription_payment_pending');
    expect(instant.json.error.message).toContain(waiting.json.id);
    expect((await validate(s, key, waiting.json.id, code)).json.status).toBe('succeeded');
    expect((await api(s.url, '/v1/subscription', { key })).json).toMatchObject({ plan_id: 'lite-monthly', status: 'active' });
  });
});

test('an unvalidated payment expires and then refuses its code', async () => {
  const short = await startServeWithSms(['--payment-ttl', '1']);
  try {
    const key = await short.phoneAccount('late', '13800000008');
    const prepared = await pay(short, key);
    const code = short.lastCode();
    // The text says how long the code lasts, never rounded up to a minute it does not have.
    expect(short.sms().at(-1)!.text).toContain('Valid 1 s.');
    let status = prepared.json.status as string;
    // Polled at a person's pace (the server rate-limits a key) until the second has passed.
    while (status === 'pending_validation') {
      await new Promise((r) => setTimeout(r, 100));
      status = (await api(short.url, `/v1/payments/${prepared.json.id}`, { key })).json.status;
    }
    expect(status).toBe('expired');
    const late = await validate(short, key, prepared.json.id, code);
    expect(late.status).toBe(409);
    expect(late.json.error.code).toBe('payment_expired');
    expect((await balanceOf(short.url, key)).tokens_remaining).toBe(0);
  } finally {
    await short.stop();
  }
});

describe('statements and invoices', () => {
  test("every charge, instant or by phone bill, is a line of the month's statement; the lines sum to the total", async () => {
    const key = await s.phoneAccount('statement', '13800000009');
    const instant = await buy(s.url, key, 'basic');
    const phone = await pay(s, key, 'starter');
    await validate(s, key, phone.json.id, s.lastCode());
    const subscribed = await api(s.url, '/v1/subscriptions', { key, body: { plan_id: 'pro-monthly' }, headers: { 'idempotency-key': 'stmt-sub' } });
    expect(subscribed.status).toBe(201);
    // Payments that did not go through are no charge.
    const cancelled = await pay(s, key, 'basic');
    await api(s.url, `/v1/payments/${cancelled.json.id}/cancel`, { key, method: 'POST' });

    const month = monthOf(instant.json.created_at);
    const st = await api(s.url, `/v1/statements/${month}`, { key });
    expect(st.status).toBe(200);
    const lines = st.json.lines as { description: string; amount: { amount_minor: number }; payment_method: string; order_id: string }[];
    expect(lines.map((l) => [l.description, l.amount.amount_minor, l.payment_method])).toEqual([
      ['Token Plan: Basic', 1000, 'instant'],
      ['Token Plan: Starter pack', 100, 'phone_bill'],
      ['Token Plan: Pro subscription, first month', 3990, 'instant'],
    ]);
    const charged = instant.json.price.amount_minor + phone.json.amount.amount_minor + subscribed.json.price.amount_minor;
    expect(lines.reduce((t, l) => t + l.amount.amount_minor, 0)).toBe(charged);
    expect(st.json.total).toEqual({ amount_minor: charged, currency: 'CNY' });
    expect(st.json.totals_by_method).toEqual({ instant: { amount_minor: 4990, currency: 'CNY' }, phone_bill: { amount_minor: 100, currency: 'CNY' } });
    expect((await api(s.url, '/v1/statements/2020-01', { key })).json).toMatchObject({ lines: [], total: { amount_minor: 0 } });
    expect((await api(s.url, '/v1/statements/2026-13', { key })).status).toBe(400);

    // An invoice for one order, then one for the rest of the month; nothing is invoiced twice.
    const forOrder = await api(s.url, '/v1/invoices', { key, body: { title: '示例科技有限公司', tax_id: '91350100M000100Y43', order_id: instant.json.id } });
    expect(forOrder.status).toBe(201);
    expect(forOrder.json).toMatchObject({ status: 'issued', amount: { amount_minor: 1000 }, order_id: instant.json.id, month: null, number: expect.any(String) });
    const forMonth = await api(s.url, '/v1/invoices', { key, body: { title: '示例科技有限公司', tax_id: '91350100m000100y43', month } });
    expect(forMonth.json).toMatchObject({ status: 'issued', amount: { amount_minor: charged - 1000 }, tax_id: '91350100M000100Y43' });
    expect(forMonth.json.line_ids).toHaveLength(2);
    const twice = await api(s.url, '/v1/invoices', { key, body: { title: 'x', tax_id: '91350100M000100Y43', month } });
    expect(twice.status).toBe(409);
    expect(twice.json.error.code).toBe('nothing_to_invoice');
    const list = await api(s.url, '/v1/invoices', { key });
    expect(list.json.data.map((i: { id: string }) => i.id)).toEqual([forMonth.json.id, forOrder.json.id]);
    const lined = (await api(s.url, `/v1/statements/${month}`, { key })).json.lines as { invoice_id: string }[];
    expect(lined.map((l) => l.invoice_id)).toEqual([forOrder.json.id, forMonth.json.id, forMonth.json.id]);
  });

  test('a malformed tax ID, an unknown order and a request naming both a month and an order are refused', async () => {
    const bad = await api(s.url, '/v1/invoices', { key: s.key, body: { title: 'ACME', tax_id: '91350100M000100Y44', month: '2026-11' } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid_tax_id');
    expect((await api(s.url, '/v1/invoices', { key: s.key, body: { title: 'ACME', tax_id: '91350100M000100Y43', order_id: 'pur_nope' } })).status).toBe(404);
    expect((await api(s.url, '/v1/invoices', { key: s.key, body: { title: 'ACME', tax_id: '91350100M000100Y43', order_id: 'pur_nope', month: '2026-11' } })).status).toBe(400);
  });
});

test('with --invoice-delay an invoice stays requested until it is due', async () => {
  const slow = await startServeWithSms(['--invoice-delay', '3600']);
  try {
    const bought = await buy(slow.url, slow.key, 'starter');
    const invoice = await api(slow.url, '/v1/invoices', { key: slow.key, body: { title: 'ACME', tax_id: '91350100M000100Y43', order_id: bought.json.id } });
    expect(invoice.json).toMatchObject({ status: 'requested', number: null, issued_at: null });
  } finally {
    await slow.stop();
  }
});
