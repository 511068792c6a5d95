/**
 * Metering in-process with a controlled clock: draw order, expiry, hold lapse and recovery, debt,
 * and the balance derivable from the ledger rows.
 */
import { describe, expect, test } from 'vitest';
import type { ModelInfo } from '../../src/server/backends/backend.js';
import { availability, balanceOf } from '../../src/server/store/holds.js';
import { scalar } from '../../src/server/store/sql.js';
import { renewHold, settleAbandonedHolds } from '../../src/server/store/leases.js';
import { inProcessServer } from '../helpers/app.js';

const mini: ModelInfo = { id: 'demo-mini', owned_by: 't', created: 0, context_length: 1_000_000, rates: { input_multiplier_milli: 1000, output_multiplier_milli: 1000 } };
const hi = [{ role: 'user' as const, content: 'hi' }];

describe('metering', () => {
  test('packs are drawn soonest expiry first, one ledger row per pack touched', async () => {
    const s = await inProcessServer();
    const basic = await s.buyAt('pro', new Date('2026-11-26T10:00:00Z')); // 90 days
    const starter = await s.buyAt('starter', new Date('2026-11-26T10:00:00Z')); // 30 days
    const a = await s.meter.admit(s.account.id, 'req1', mini, hi, 5);
    await s.meter.settle(s.account.id, 'req1', mini, a, { completionTokens: 399_995 }, 'completed');
    const rows = await s.db.all("SELECT pack_id, tokens FROM ledger_entries WHERE kind = 'debit' ORDER BY id");
    // 8 prompt + 399,995 completion = 400,003: the whole starter pack, then 3 from the pro pack.
    expect(rows).toEqual([
      { pack_id: starter.pack.id, tokens: -400_000 },
      { pack_id: basic.pack.id, tokens: -3 },
    ]);
    const balance = await balanceOf(s.db, s.account.id, new Date('2026-11-26T10:00:00Z'));
    const derived = await scalar(s.db, 'SELECT SUM(tokens) FROM ledger_entries WHERE account_id = ?', [s.account.id]);
    expect(balance.tokens_remaining).toBe(derived);
  });

  test('expired packs are never drawn from and show as expired', async () => {
    const s = await inProcessServer();
    await s.buyAt('starter', new Date('2026-10-01T00:00:00Z')); // expired 10-31
    await expect(s.meter.admit(s.account.id, 'r', mini, hi, 5)).rejects.toThrow(/no plan tokens available/);
    const b = await balanceOf(s.db, s.account.id, new Date('2026-11-26T10:00:00Z'));
    expect(b.tokens_remaining).toBe(0);
    expect(b.packs[0]).toMatchObject({ tokens_remaining: 400_000, expired: true });
  });

  test('a hold pins tokens until it is settled or lapses; a lapsed hold is billed at its last recorded progress', async () => {
    const s = await inProcessServer({ holdTtlMs: 60_000 });
    await s.buyAt('starter', new Date('2026-11-26T10:00:00Z'));
    const big = await s.meter.admit(s.account.id, 'big', mini, hi, 399_990); // holds 399,998 of 400,000
    expect((await balanceOf(s.db, s.account.id, new Date('2026-11-26T10:00:01Z'))).tokens_held).toBe(399_998);
    await expect(s.meter.admit(s.account.id, 'r', mini, hi, 5)).rejects.toThrow(/needs up to 13 plan tokens .* but 2 are available/);
    await renewHold(s.db, big.holdId, 10, new Date('2026-11-26T10:00:00Z'), 60_000); // its last progress: 10 tokens
    s.advance(61_000); // the holder crashed: its hold lapses, and is billed for the prompt and those 10
    const next = await s.meter.admit(s.account.id, 'next', mini, hi, 5);
    expect(next.maxTokens).toBe(5);
    expect(await s.db.get("SELECT billed_tokens, status FROM chat_requests WHERE id = 'big'")).toEqual({ billed_tokens: 18, status: 'aborted' });
    // The holder settling late never bills twice.
    await s.meter.settle(s.account.id, 'big', mini, big, { completionTokens: 12 }, 'aborted');
    expect(await scalar(s.db, "SELECT COUNT(*) FROM ledger_entries WHERE kind = 'debit'")).toBe(1);
  });

  test('on start, every hold left active by a previous process is settled at its progress and released', async () => {
    const s = await inProcessServer();
    await s.buyAt('starter', new Date('2026-11-26T10:00:00Z'));
    const pro = { ...mini, id: 'demo-pro', rates: { input_multiplier_milli: 2000, output_multiplier_milli: 4000 } };
    const a = await s.meter.admit(s.account.id, 'cut', pro, hi, 1000);
    await renewHold(s.db, a.holdId, 40, new Date('2026-11-26T10:00:00Z'), 60_000);
    expect(await settleAbandonedHolds(s.db, new Date('2026-11-26T10:00:01Z'), { all: true })).toBe(1);
    // demo-pro: 8 prompt × 2 + 40 completion × 4.
    expect(await balanceOf(s.db, s.account.id, new Date('2026-11-26T10:00:01Z'))).toMatchObject({ tokens_remaining: 400_000 - 176, tokens_held: 0 });
    expect(await settleAbandonedHolds(s.db, new Date('2026-11-26T10:00:02Z'), { all: true })).toBe(0);
  });

  test('an upstream that reports more than was held leaves a debt, never a negative pack; a purchase repays it', async () => {
    const s = await inProcessServer();
    await s.buyAt('starter', new Date('2026-11-26T10:00:00Z'));
    const a = await s.meter.admit(s.account.id, 'over', mini, hi, 10);
    const usage = await s.meter.settle(s.account.id, 'over', mini, a, { promptTokens: 8, completionTokens: 400_100 }, 'completed');
    expect(usage.billing).toEqual({ billed_tokens: 400_108, tokens_remaining: 0, multiplier_milli: 1000, funded_by: 'packs' });
    const b = await balanceOf(s.db, s.account.id, new Date('2026-11-26T10:00:00Z'));
    expect(b).toMatchObject({ tokens_remaining: 0, tokens_owed: 108 });
    expect(b.packs.every((p) => p.tokens_remaining >= 0)).toBe(true);
    await expect(s.meter.admit(s.account.id, 'r', mini, hi, 1)).rejects.toThrow(/owes 108 plan tokens/);
    await s.buyAt('starter', new Date('2026-11-26T10:00:00Z'));
    expect(await balanceOf(s.db, s.account.id, new Date('2026-11-26T10:00:00Z'))).toMatchObject({ tokens_remaining: 400_000 - 108, tokens_owed: 0 });
    expect((await s.meter.admit(s.account.id, 'r2', mini, hi, 1)).maxTokens).toBe(1);
  });

  test('the balance (one statement) says what admission sees: no packs, an expired pack, a hold, a debt', async () => {
    const s = await inProcessServer();
    const at = new Date('2026-11-26T10:00:00Z');
    const agrees = async () => {
      const [b, a] = [await balanceOf(s.db, s.account.id, at), await availability(s.db, s.account.id, at)];
      expect({ remaining: b.tokens_remaining, held: b.tokens_held, owed: b.tokens_owed }).toEqual({ remaining: a.remaining, held: a.held, owed: a.owed });
      return b;
    };
    expect(await agrees()).toEqual({ tokens_remaining: 0, tokens_held: 0, tokens_owed: 0, packs: [], as_of: at.toISOString() });
    await s.buyAt('starter', new Date('2026-10-01T00:00:00Z')); // expired 10-31
    const live = await s.buyAt('pro', new Date('2026-11-26T09:00:00Z'));
    const hold = await s.meter.admit(s.account.id, 'held', mini, hi, 100);
    const b = await agrees();
    expect(b).toMatchObject({ tokens_remaining: live.pack.tokens_total, tokens_held: 108 });
    expect(b.packs.map((p) => [p.plan_id, p.expired])).toEqual([['starter', true], ['pro', false]]);
    await s.meter.settle(s.account.id, 'held', mini, hold, { completionTokens: live.pack.tokens_total }, 'completed');
    expect(await agrees()).toMatchObject({ tokens_remaining: 0, tokens_held: 0, tokens_owed: 8 });
  });

  test('a prompt that does not fit the model context is a 400 before any hold', async () => {
    const s = await inProcessServer();
    await s.buyAt('starter', new Date('2026-11-26T10:00:00Z'));
    await expect(s.meter.admit(s.account.id, 'r', { ...mini, context_length: 100 }, hi, 200)).rejects.toThrow(/context/);
    expect((await balanceOf(s.db, s.account.id, new Date())).tokens_held).toBe(0);
  });
});
