/**
 * Wrong arguments, told as usage errors (exit 2) in one clean line and a hint, against a real
 * server: what the CLI can check itself (an empty or too long invoice title, a quantity past the
 * server's limit) is refused before any request; what only the server knows (an unknown key, a month
 * with nothing to invoice, a payment that succeeded already, the tier the account is on) is the
 * server's refusal in its own words, never "server error NNN (request req_…)".
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { tokencli, userAt } from '../helpers/cli.js';
import { api, startServeWithSms, type ServedWithSms } from '../helpers/serve.js';

let s: ServedWithSms;
beforeAll(async () => {
  s = await startServeWithSms();
});
afterAll(() => s.stop());

const TAX_ID = '91350100M000100Y43';

/** A usage error: exit 2, the message and at most a hint, nothing of a server error. */
function expectUsage(r: { code: number | null; stdout: string; stderr: string }, message: RegExp) {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/server error|req_/);
  expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
}

test('invoice request: an empty or too long title is refused before a request; a month or order invoiced already, or with no charges, is exit 2', async () => {
  const key = await s.phoneAccount('invoices', '13900000011');
  const u = userAt(undefined, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: key });
  const bought = await u.run(['plan', 'purchase', 'starter', '--yes', '--json']);
  expect(bought.code, bought.stderr).toBe(0);
  const order = JSON.parse(bought.stdout).id as string;

  expectUsage(await u.run(['invoice', 'request', '--order', order, '--title', '', '--tax-id', TAX_ID]), /^error: --title must not be empty$/m);
  expectUsage(await u.run(['invoice', 'request', '--order', order, '--title', '   ', '--tax-id', TAX_ID]), /--title must not be empty/);
  expectUsage(await u.run(['invoice', 'request', '--order', order, '--title', 'a'.repeat(5000), '--tax-id', TAX_ID]), /^error: --title is 5000 characters long; an invoice title has at most 100$/m);
  expect((await api(s.url, '/v1/invoices', { key })).json.data).toEqual([]);

  expect((await u.run(['invoice', 'request', '--order', order, '--title', 'ACME', '--tax-id', TAX_ID])).code).toBe(0);
  expectUsage(await u.run(['invoice', 'request', '--order', order, '--title', 'ACME', '--tax-id', TAX_ID]), /^error: every charge of .* is invoiced already, or there is none\n.*tokencli invoice list/m);
  expectUsage(await u.run(['invoice', 'request', '--month', '2020-01', '--title', 'ACME', '--tax-id', TAX_ID]), /every charge of 2020-01 is invoiced already, or there is none/);
  expectUsage(await u.run(['invoice', 'request', '--order', 'pur_nonexistent', '--title', 'ACME', '--tax-id', TAX_ID]), /no order "pur_nonexistent"/);
});

test('plan purchase --quantity past the limit, auth keys revoke of an unknown key, payment cancel of a succeeded payment, upgrade to the tier in use: exit 2', async () => {
  const key = await s.phoneAccount('refusals', '13900000012');
  const u = userAt(undefined, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: key });
  const sent = s.sms().length;
  expectUsage(await u.run(['plan', 'purchase', 'max', '--quantity', '99999999999', '--pay', 'phone-bill', '--no-wait']), /^error: --quantity must be a whole number from 1 to 1000, not "99999999999"$/m);
  expectUsage(await u.run(['plan', 'purchase', 'starter', '--quantity', '1001', '--yes']), /from 1 to 1000/);
  // Nothing was asked of the server: no payment, no SMS, no pack.
  expect(s.sms().length).toBe(sent);
  expect((await api(s.url, '/v1/balance', { key })).json.tokens_remaining).toBe(0);

  expectUsage(await u.run(['auth', 'keys', 'revoke', 'nonexist']), /^error: this account has no API key with that id\nsee the keys with `tokencli auth keys list`$/m);

  const started = await u.run(['plan', 'purchase', 'starter', '--pay', 'phone-bill', '--no-wait', '--json']);
  expect(started.code, started.stderr).toBe(0);
  const payment = JSON.parse(started.stdout).id as string;
  expect((await u.run(['payment', 'confirm', payment, '--code', s.lastCode()])).code).toBe(0);
  expectUsage(await u.run(['payment', 'cancel', payment]), /^error: the payment has succeeded already: it was charged, and there is nothing left to confirm or cancel\n/m);
  // Attempts left mean something only while a code is awaited.
  const shown = await u.run(['payment', 'show', payment]);
  expect(shown.stdout).toMatch(/^status\tsucceeded$/m);
  expect(shown.stdout).not.toContain('attempts_remaining');
  expect(JSON.parse((await u.run(['payment', 'show', payment, '--json'])).stdout).attempts_remaining).toBe(0);

  expect((await u.run(['plan', 'subscribe', 'lite-monthly', '--yes'])).code).toBe(0);
  expectUsage(await u.run(['plan', 'upgrade', 'lite-monthly', '--yes']), /^error: the subscription is on Lite \(lite-monthly\) already$/m);
  expectUsage(await u.run(['plan', 'subscribe', 'pro-monthly', '--yes']), /^error: this account already has an active subscription$/m);
});

test('auth keys revoke: a second revoke says it was revoked already (exit 0); after revoking the key in use, the next command says it may be revoked and how to sign in', async () => {
  const mint = async () => {
    const r = await tokencli(['serve', 'keys', 'create', '--account', 'two-keys', '--data-dir', s.dataDir]);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout.trim();
  };
  const [mine, other] = [await mint(), await mint()];
  const otherId = other.slice(3, 11);
  const u = userAt(undefined, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: mine });
  const first = await u.run(['auth', 'keys', 'revoke', otherId]);
  expect(first.code, first.stderr).toBe(0);
  expect(first.stderr).toContain(`Revoked key tp_${otherId}…`);
  const again = await u.run(['auth', 'keys', 'revoke', otherId]);
  expect(again.code, again.stderr).toBe(0);
  expect(again.stderr).toMatch(new RegExp(`^key tp_${otherId}… was revoked already, .* ago: nothing to do\n$`));
  expect(again.stderr).not.toContain('Revoked');

  expect((await u.run(['auth', 'keys', 'revoke', mine.slice(3, 11)])).stderr).toContain('that was the key this profile uses');
  const after = await u.run(['balance']);
  expect(after.code).toBe(4);
  expect(after.stderr).toMatch(/^error: the server rejected the API key: .*\nthe key may have been revoked .* sign in again with `tokencli login`/);
});
