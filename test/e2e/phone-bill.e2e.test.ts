/**
 * Paying by phone bill from the CLI against a real server whose SMS go to an outbox: on a terminal
 * the code is asked for (again after a wrong one); without one, --no-wait and `payment confirm`.
 * Then the statement and invoices as the CLI shows them.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { userAt } from '../helpers/cli.js';
import { KEY, onPty } from '../helpers/pty.js';
import { api, startServeWithSms, type ServedWithSms } from '../helpers/serve.js';

let s: ServedWithSms;
beforeAll(async () => {
  s = await startServeWithSms(['--phone-bill-monthly-cap', '20']);
});
afterAll(() => s.stop());

/** A user whose environment points at the server with a phone account's key. */
const phoneUser = async (name: string, phone: string) => {
  const key = await s.phoneAccount(name, phone);
  return { key, ...userAt(undefined, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: key }) };
};
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('plan purchase --pay phone-bill on a terminal', () => {
  test('shows the charge and the cap left, asks again after a wrong code, and completes with the right one', async () => {
    const u = await phoneUser('pty', '13900000001');
    const sent = s.sms().length;
    const pty = onPty(['plan', 'purchase', 'basic', '--pay', 'phone-bill'], { home: u.home, env: { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: u.key }, columns: 100 });
    await pty.waitFor(/SMS code sent to \+86 139\*\*\*\*0001/);
    expect(pty.screen()).toContain('¥10.00 for "Token Plan: Basic" goes on the phone bill of +86 139****0001; ¥10.00 of this month\'s ¥20.00 phone-bill cap left after it');
    const code = s.sms().slice(sent)[0]!.code!;
    pty.type(wrong(code) + KEY.enter);
    await pty.waitFor(/wrong code: 2 attempts left/);
    await pty.waitFor(/SMS code sent to[\s\S]*wrong code[\s\S]*SMS code sent to/);
    // Typed in groups with a dash: the digits are the code.
    pty.type(`${code.slice(0, 3)}-${code.slice(3)}` + KEY.enter);
    expect(await pty.exit()).toBe(0);
    expect(pty.screen()).toMatch(/Bought Basic: 5,000,000 tokens for ¥10\.00, valid 30 days on the phone bill; balance now 5,000,000 tokens/);
    expect(s.sms().length - sent).toBe(1);
    expect((await api(s.url, '/v1/balance', { key: u.key })).json.tokens_remaining).toBe(5_000_000);
    expect(JSON.parse((await u.run(['balance', '--offline', '--json'])).stdout).tokens_remaining).toBe(5_000_000);
  });

  test('plan subscribe --pay phone-bill asks for the code and shows the subscription', async () => {
    const u = await phoneUser('pty-sub', '13900000007');
    const pty = onPty(['plan', 'subscribe', 'lite-monthly', '--pay', 'phone-bill'], { home: u.home, env: { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: u.key } });
    await pty.waitFor(/SMS code sent to \+86 139\*\*\*\*0007/);
    expect(pty.screen()).toContain('¥9.90 for "Token Plan: Lite subscription, first month" goes on the phone bill');
    pty.type(s.lastCode() + KEY.enter);
    expect(await pty.exit()).toBe(0);
    expect(pty.screen()).toMatch(/Subscribed to Lite: .* on the phone bill; ends in/);
    const offline = await u.run(['quota', '--offline', '--json']);
    expect(offline.code, offline.stderr).toBe(0);
    expect(JSON.parse(offline.stdout).subscription).toMatchObject({ plan_id: 'lite-monthly', status: 'active' });
  });

  test('Ctrl-C at the code prompt cancels the payment, freeing its share of the cap', async () => {
    const u = await phoneUser('interrupted', '13900000002');
    const pty = onPty(['plan', 'purchase', 'basic', '--pay', 'phone-bill'], { home: u.home, env: { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: u.key } });
    await pty.waitFor(/SMS code sent to/);
    pty.type(KEY.ctrlC);
    expect(await pty.exit()).toBe(130);
    const statement = await u.run(['statement', '--json']);
    expect(JSON.parse(statement.stdout).lines).toEqual([]);
    const again = await u.run(['plan', 'purchase', 'basic', '--pay', 'phone-bill', '--no-wait', '--json']);
    expect(JSON.parse(again.stdout).monthly_cap.remaining.amount_minor).toBe(1000);
  });
});

describe('without a terminal', () => {
  test('--no-wait prints the pending payment; payment confirm --code completes it; show and cancel', async () => {
    const u = await phoneUser('script', '13900000003');
    // A balance seen before buying: the offline estimate starts from it until something newer is kept.
    expect((await u.run(['balance'])).code).toBe(0);
    const refused = await u.run(['plan', 'purchase', 'starter', '--pay', 'phone-bill']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('pass --no-wait, then `tokencli payment confirm ID --code CODE`');

    const started = await u.run(['plan', 'purchase', 'starter', '--pay', 'phone-bill', '--no-wait', '--json']);
    expect(started.code, started.stderr).toBe(0);
    const payment = JSON.parse(started.stdout);
    expect(payment).toMatchObject({ status: 'pending_validation', amount: { amount_minor: 100 }, phone: '+86 139****0003' });
    expect(started.stderr).toContain(`confirm with: tokencli payment confirm ${payment.id} --code CODE`);
    const code = s.lastCode();

    const bad = await u.run(['payment', 'confirm', payment.id, '--code', wrong(code)]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: wrong code: 2 attempts left\n/);
    expect((await u.run(['payment', 'confirm', payment.id])).code).toBe(2);

    // Typed as the SMS groups it, with spaces around: the CLI sends the digits.
    const ok = await u.run(['payment', 'confirm', payment.id, '--code', ` ${code.slice(0, 3)} ${code.slice(3)} `, '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    const paid = JSON.parse(ok.stdout);
    expect(paid).toMatchObject({ id: payment.id, status: 'succeeded', order: { type: 'purchase', id: expect.stringMatching(/^pur_/) } });
    // The confirmed purchase is in the local state as a plain `plan purchase` leaves it: no under-count offline.
    const online = (await api(s.url, '/v1/balance', { key: u.key })).json.tokens_remaining;
    expect(online).toBeGreaterThan(0);
    const offline = await u.run(['balance', '--offline', '--json']);
    expect(JSON.parse(offline.stdout)).toMatchObject({ estimate: true, tokens_remaining: online, last_seen_tokens_remaining: online });
    const shown = await u.run(['payment', 'show', payment.id]);
    expect(shown.stdout).toMatch(/^status\tsucceeded$/m);
    expect(shown.stdout).toContain(`order_id\t${paid.order.id}`);

    const other = JSON.parse((await u.run(['plan', 'purchase', 'starter', '--pay', 'phone-bill', '--no-wait', '--json'])).stdout);
    const cancelled = await u.run(['payment', 'cancel', other.id, '--json']);
    expect(JSON.parse(cancelled.stdout).status).toBe('cancelled');
    const late = await u.run(['payment', 'confirm', other.id, '--code', s.lastCode()]);
    expect(late.code).toBe(1);
    expect(late.stderr).toContain('the payment was cancelled: nothing was charged');
    expect((await u.run(['payment', 'show', 'pay_nope'])).code).toBe(2);
  });

  test('plan subscribe --pay phone-bill --no-wait: the subscription starts when the payment is confirmed', async () => {
    const u = await phoneUser('subscriber', '13900000006');
    expect((await u.run(['quota'])).code).toBe(0);
    const started = await u.run(['plan', 'subscribe', 'lite-monthly', '--pay', 'phone-bill', '--no-wait', '--json']);
    expect(started.code, started.stderr).toBe(0);
    const payment = JSON.parse(started.stdout);
    expect(payment).toMatchObject({ status: 'pending_validation', amount: { amount_minor: 990 }, order: { type: 'subscription', plan_id: 'lite-monthly' } });
    expect((await api(s.url, '/v1/subscription', { key: u.key })).status).toBe(404);
    const confirmed = await u.run(['payment', 'confirm', payment.id, '--code', s.lastCode(), '--json']);
    expect(confirmed.code, confirmed.stderr).toBe(0);
    const sub = await api(s.url, '/v1/subscription', { key: u.key });
    expect(sub.json).toMatchObject({ id: JSON.parse(confirmed.stdout).order.id, plan_id: 'lite-monthly', status: 'active' });
    // The quota kept for offline use already has the subscription and its windows.
    const offline = JSON.parse((await u.run(['quota', '--offline', '--json'])).stdout);
    expect(offline.subscription).toMatchObject({ id: sub.json.id, plan_id: 'lite-monthly' });
    expect(offline.windows.length).toBeGreaterThan(0);
    const st = JSON.parse((await u.run(['statement', '--json'])).stdout);
    expect(st.lines.map((l: any) => [l.description, l.payment_method, l.amount.amount_minor])).toEqual([['Token Plan: Lite subscription, first month', 'phone_bill', 990]]);
    const refused = await u.run(['plan', 'subscribe', 'lite-monthly', '--pay', 'phone-bill']);
    expect(refused.code).toBe(2);
  });

  test('a charge past the monthly cap is refused with exit 5 before any code is sent', async () => {
    const u = await phoneUser('capped', '13900000004');
    expect((await u.run(['plan', 'purchase', 'basic', '--pay', 'phone-bill', '--no-wait'])).code).toBe(0);
    expect((await u.run(['plan', 'purchase', 'basic', '--pay', 'phone-bill', '--no-wait'])).code).toBe(0);
    const outbox = s.sms().length;
    const over = await u.run(['plan', 'purchase', 'starter', '--pay', 'phone-bill', '--no-wait']);
    expect(over.code).toBe(5);
    expect(over.stderr).toMatch(/phone-bill cap reached: .* 0\.00 CNY left this month/);
    expect(s.sms().length).toBe(outbox);
    // An account with no phone is told so (exit 2) and nothing is sent either.
    const demo = await userAt(undefined, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key }).run(['plan', 'purchase', 'starter', '--pay', 'phone-bill', '--no-wait']);
    expect(demo.code).toBe(2);
    expect(demo.stderr).toContain('this account has no phone number to bill');
    expect(s.sms().length).toBe(outbox);
  });
});

test('statement and invoices: the lines sum to what was charged; an invoice is asked for and listed', async () => {
  const u = await phoneUser('books', '13900000005');
  expect((await u.run(['plan', 'purchase', 'basic', '--yes'])).code).toBe(0);
  const pending = JSON.parse((await u.run(['plan', 'purchase', 'starter', '--pay', 'phone-bill', '--no-wait', '--json'])).stdout);
  expect((await u.run(['payment', 'confirm', pending.id, '--code', s.lastCode()])).code).toBe(0);

  const st = JSON.parse((await u.run(['statement', '--json'])).stdout);
  expect(st.lines.map((l: any) => [l.description, l.payment_method, l.amount.amount_minor])).toEqual([
    ['Token Plan: Basic', 'instant', 1000],
    ['Token Plan: Starter pack', 'phone_bill', 100],
  ]);
  expect(st.total.amount_minor).toBe(1100);
  const piped = await u.run(['statement', '--month', st.month]);
  expect(piped.stdout.trim().split('\n')).toHaveLength(3);
  expect(piped.stderr).toContain(`total for ${st.month}: ¥11.00 (instant ¥10.00, phone bill ¥1.00)`);
  expect((await u.run(['statement', '--month', '2026-13'])).code).toBe(2);
  expect((await u.run(['statement', '--month', '2020-01'])).stderr).toContain('no charges in 2020-01');

  const badTax = await u.run(['invoice', 'request', '--month', st.month, '--title', 'ACME', '--tax-id', '12345']);
  expect(badTax.code).toBe(2);
  expect(badTax.stderr).toContain('is not a unified social credit code');
  const asked = await u.run(['invoice', 'request', '--month', st.month, '--title', '示例科技有限公司', '--tax-id', '91350100M000100Y43', '--json']);
  expect(asked.code, asked.stderr).toBe(0);
  expect(JSON.parse(asked.stdout)).toMatchObject({ status: 'issued', amount: { amount_minor: 1100 }, month: st.month });
  const list = await u.run(['invoice', 'list']);
  expect(list.stdout).toMatch(/^inv_\S+\tissued\t\d{4}-\d{2}\t1100\tCNY\t示例科技有限公司\t91350100M000100Y43\t/m);
  // Invoiced already: the month is the wrong argument now (exit 2).
  expect((await u.run(['invoice', 'request', '--month', st.month, '--title', 'ACME', '--tax-id', '91350100M000100Y43'])).code).toBe(2);
});
