/**
 * The SMS-code prompt at its seam: scripted answers to the prompter, the server in-process with a
 * clock the test moves and an SMS sender that keeps what it sent.
 */
import { expect, test } from 'vitest';
import { promptForCode } from '../../../src/cli/commands/payment/shared.js';
import type { Prompter } from '../../../src/cli/io/prompter.js';
import { testIO } from '../../../src/cli/io/streams.js';
import { TokenClient } from '../../../src/client/client.js';
import type { ApiError } from '../../../src/client/errors.js';
import type { SmsMessage } from '../../../src/server/sms.js';
import { setAccountPhone } from '../../../src/server/store/accounts.js';
import { scalar } from '../../../src/server/store/sql.js';
import { inProcessServer } from '../../helpers/app.js';

test('an empty answer asks for a new code (once the pause is over); a non-code is asked again at no cost; the new code pays', async () => {
  const sent: SmsMessage[] = [];
  const server = await inProcessServer({ sms: { send: async (m) => void sent.push(m) } });
  await setAccountPhone(server.db, server.account.id, '+8613800000000');
  const client = new TokenClient({ baseUrl: 'http://127.0.0.1:1', apiKey: server.key, fetch: server.fetch });
  const payment = await client.payments.prepare({ type: 'purchase', plan_id: 'starter', quantity: 1 });
  const first = sent[0]!.code!;

  const answers = ['', 'abc', '', '<new>'];
  const asked: string[] = [];
  const prompter = {
    input: async (message: string) => {
      asked.push(message);
      const answer = answers.shift()!;
      // After the first refused resend, the pause passes.
      if (answers.length === 1) server.advance(31_000);
      return answer === '<new>' ? sent.at(-1)!.code! : answer;
    },
  } as unknown as Prompter;
  const io = testIO({ tty: true });
  const paid = await promptForCode({ io: io.io, prompter, client, payment });

  expect(paid.status).toBe('succeeded');
  expect(asked).toHaveLength(4);
  expect(asked[0]).toBe('SMS code sent to +86 138****0000 (Enter alone sends a new one):');
  expect(sent).toHaveLength(2);
  expect(sent[1]!.code).not.toBe(first);
  const stderr = io.stderr();
  expect(stderr).toMatch(/! a code was sent moments ago: ask again in \d+s\n/);
  expect(stderr).toContain('! the code is the digits in the text message\n');
  expect(stderr).toContain('a new code is on its way to +86 138****0000\n');
  // Neither the refused resend nor the non-code spent an attempt; the replaced code no longer works.
  expect(await scalar(server.db, 'SELECT attempts_left FROM payments WHERE id = ?', [payment.id])).toBe(3);
  expect(paid.order.id).toMatch(/^pur_/);
  const again = await client.payments.validate(payment.id, first).catch((e: ApiError) => e);
  expect(again).toMatchObject({ status: 409, code: 'payment_succeeded' });
});
