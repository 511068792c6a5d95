/**
 * The subscription verbs at their seam, against the app in-process with a clock that moves: turning
 * renewal back on after the subscription has ended pays for a new period, so it is confirmed like a
 * purchase; before then it charges nothing and asks nothing.
 */
import { describe, expect, test } from 'vitest';
import { renewCommand, renewRun, type RenewOptions } from '../../../src/cli/commands/plan/renew/renew.js';
import { UsageError } from '../../../src/cli/errors.js';
import { optionsOf, seam, SEAM_URL } from '../../helpers/seam.js';

async function subscribedSeam() {
  const s = await seam();
  const res = await s.server.fetch(`${SEAM_URL}/v1/subscriptions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${s.server.key}`, 'content-type': 'application/json', 'idempotency-key': 'sub' },
    body: JSON.stringify({ plan_id: 'lite-monthly' }),
  });
  expect(res.status).toBe(201);
  const subscription = async () => (await (await s.server.fetch(`${SEAM_URL}/v1/subscription`, { headers: { authorization: `Bearer ${s.server.key}` } })).json()) as any;
  return { ...s, subscription };
}

const renew = async (s: Awaited<ReturnType<typeof seam>>, argv: string[], o: Partial<RenewOptions> = {}) =>
  renewRun({ ...(await optionsOf<RenewOptions>(s.ctx, (r) => renewCommand(s.ctx, r), ['renew', ...argv])), ...o });

describe('plan renew', () => {
  test('while the period runs, --on asks nothing and charges nothing', async () => {
    const s = await subscribedSeam();
    await renew(s, ['--on']);
    expect(await s.subscription()).toMatchObject({ status: 'active', auto_renew: true, price: { amount_minor: 990 } });
  });

  test('after the period ended, --on is a charge: refused without --yes where nobody can confirm, done with it', async () => {
    const s = await subscribedSeam();
    s.server.advance(31 * 86_400_000);
    const now = () => new Date(Date.parse('2026-11-26T10:00:00Z') + 31 * 86_400_000);
    const refused = renew(s, ['--on'], { now });
    await expect(refused).rejects.toThrow(UsageError);
    await expect(refused).rejects.toThrow(/lite-monthly ended 1 day ago: renewing it now pays for a new period at the tier's regular price/);
    expect(await s.subscription()).toMatchObject({ status: 'ended', auto_renew: false });

    await renew(s, ['--on', '--yes'], { now });
    expect(await s.subscription()).toMatchObject({ status: 'active', auto_renew: true, price: { amount_minor: 4_900 } });
  });
});
