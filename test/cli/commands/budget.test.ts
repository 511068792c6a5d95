/** The budget verbs at their seam: set (tokens or money at the plan price), status, rm. */
import { describe, expect, test } from 'vitest';
import { budgetRemoveRun, budgetRmCommand, type BudgetRemoveOptions } from '../../../src/cli/commands/budget/rm.js';
import { budgetSetCommand, budgetSetRun, type BudgetSetOptions } from '../../../src/cli/commands/budget/set.js';
import type { BudgetCommon } from '../../../src/cli/commands/budget/shared.js';
import { budgetStatusCommand, budgetStatusRun } from '../../../src/cli/commands/budget/status.js';
import { UsageError } from '../../../src/cli/errors.js';
import { optionsOf, seam } from '../../helpers/seam.js';

describe('budget', () => {
  test('set --amount ¥5 converts at the price of the pack drawn first: 2,000,000 tokens of the ¥1 pack', async () => {
    const s = await seam();
    await s.buy('starter');
    await budgetSetRun(await optionsOf<BudgetSetOptions>(s.ctx, (r) => budgetSetCommand(s.ctx, r), ['set', '--period', 'month', '--amount', '¥5', '--hard', '--json']));
    expect(JSON.parse(s.io.stdout())).toMatchObject({ period: 'month', limit_tokens: 2_000_000, limit_money: { amount_minor: 500, currency: 'CNY' }, hard: true, warn: [50, 80, 100] });
  });

  test('status --json lists each budget with its use; rm removes it and a second rm is an error', async () => {
    const s = await seam();
    await budgetSetRun(await optionsOf<BudgetSetOptions>(s.ctx, (r) => budgetSetCommand(s.ctx, r), ['set', '--period', 'day', '--tokens', '1000', '--warn', '10']));
    await budgetStatusRun(await optionsOf<BudgetCommon>(s.ctx, (r) => budgetStatusCommand(s.ctx, r), ['status', '--json']));
    const status = JSON.parse(s.io.stdout());
    expect(status.budgets).toMatchObject([{ period: 'day', limit_tokens: 1000, used_tokens: 0, percent: 0, resets_at: '2026-11-27T00:00:00.000Z' }]);
    const rm = await optionsOf<BudgetRemoveOptions>(s.ctx, (r) => budgetRmCommand(s.ctx, r), ['rm', '--period', 'day']);
    await budgetRemoveRun(rm);
    await expect(budgetRemoveRun(rm)).rejects.toBeInstanceOf(UsageError);
  });

  test('bad thresholds and a missing limit are usage errors before anything is stored', async () => {
    const s = await seam();
    await expect(optionsOf(s.ctx, (r) => budgetSetCommand(s.ctx, r), ['set', '--period', 'day', '--tokens', '5', '--warn', '50,abc'])).rejects.toBeInstanceOf(UsageError);
    await expect(optionsOf(s.ctx, (r) => budgetSetCommand(s.ctx, r), ['set', '--period', 'day'])).rejects.toBeInstanceOf(UsageError);
    expect((await s.ctx.readLedger()).budgets()).toEqual([]);
  });
});
