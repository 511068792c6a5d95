/** `balance` at its seam: routing by data, the gate in the document, snapshots per server and account. */
import { describe, expect, test } from 'vitest';
import { balanceCommand, balanceRun, type BalanceOptions } from '../../../src/cli/commands/balance/balance.js';
import { describeError, Exit, UsageError } from '../../../src/cli/errors.js';
import { optionsOf, seam } from '../../helpers/seam.js';

const balance = async (s: Awaited<ReturnType<typeof seam>>, argv: string[]) => balanceRun(await optionsOf<BalanceOptions>(s.ctx, (r) => balanceCommand(s.ctx, r), ['balance', ...argv]));

describe('balance', () => {
  test('--json is the server\'s document, with the gate\'s min and ok beside it', async () => {
    const s = await seam();
    await s.buy();
    await balance(s, ['--json', '--min', '1000']);
    const doc = JSON.parse(s.io.stdout());
    expect(doc).toMatchObject({ tokens_remaining: 400_000, tokens_held: 0, min: 1000, ok: true });
    expect(doc.packs).toHaveLength(1);
  });

  test('below --min: exit 5, and the document already says ok: false', async () => {
    const s = await seam();
    await s.buy();
    const e = await balance(s, ['--json', '--min', '400001']).catch((x) => x);
    expect(describeError(e).exitCode).toBe(Exit.QUOTA);
    expect(JSON.parse(s.io.stdout())).toMatchObject({ min: 400001, ok: false });
  });

  test('--offline after an online answer: the snapshot minus local spend, labelled an estimate', async () => {
    const s = await seam();
    await s.buy();
    await balance(s, []);
    const ledger = await s.ctx.ledger();
    ledger.beginRun({ id: 'r1', created_at: '2026-11-26T10:00:00.000Z', profile: 'default', provider: 'tokenplan', api_url: 'http://127.0.0.1:1', account: await s.ctx.account(), model: 'demo-mini', prompt_tokens: 5, reserve_tokens: 100, forced: false, pid: process.pid });
    const before = s.io.stdout().length;
    await balance(s, ['--offline', '--json']);
    const doc = JSON.parse(s.io.stdout().slice(before));
    expect(doc).toMatchObject({ estimate: true, tokens_remaining: 399_900, spent_since: 100, last_seen_tokens_remaining: 400_000 });
  });

  test('--all with --offline or --min is refused, not silently ignored', async () => {
    const s = await seam();
    for (const flags of [['--all', '--offline'], ['--all', '--min', '5']]) {
      const e = await balance(s, flags).catch((x) => x);
      expect(e).toBeInstanceOf(UsageError);
    }
  });
});
