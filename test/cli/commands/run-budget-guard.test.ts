/**
 * The pre-run hard-budget check asks the tokenizer only when the prompt's byte bound would pass a
 * limit: far from every limit it decides from the bound alone; near one it counts, and refuses.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { enforceHardBudgets } from '../../../src/cli/commands/run/budget-guard.js';
import type { RunEstimator } from '../../../src/cli/commands/run/estimate.js';
import type { RunOptions } from '../../../src/cli/commands/run/run.js';
import { QuotaError } from '../../../src/cli/errors.js';
import { testIO } from '../../../src/cli/io/streams.js';
import { Ledger } from '../../../src/ledger/ledger.js';
import { tempDir } from '../../helpers/procs.js';

const NOW = new Date('2026-11-27T12:00:00Z');

/** An estimator whose prompt is at most 100 tokens by its bytes and 10 by the tokenizer, which it counts calls to. */
function estimator(): RunEstimator & { counted: number } {
  const e = {
    counted: 0,
    rates: { input_multiplier_milli: 1000, output_multiplier_milli: 1000 },
    promptBound: () => 100,
    runEstimate: async () => {
      e.counted++;
      return 10 + 50;
    },
  };
  return e as unknown as RunEstimator & { counted: number };
}

describe('enforceHardBudgets', () => {
  test('decides from the byte bound when it is far from the limit, counts only near it', async () => {
    const ledger = Ledger.open(join(tempDir(), 'ledger.db'));
    const opts = { io: testIO().io, profile: 'default', now: () => NOW, timeZone: async () => 'UTC', maxTokens: 50, force: false } as unknown as RunOptions;
    ledger.setBudget({ profile: 'default', period: 'day', limit_tokens: 1000, limit_money: null, warn: [100], hard: true, alert_command: null }, NOW);
    const far = estimator();
    await enforceHardBudgets(opts, ledger, far);
    expect(far.counted).toBe(0);

    // Limit 100: the bound (100 + 50) would pass it, the count (10 + 50) does not.
    ledger.setBudget({ profile: 'default', period: 'day', limit_tokens: 100, limit_money: null, warn: [100], hard: true, alert_command: null }, NOW);
    const near = estimator();
    await enforceHardBudgets(opts, ledger, near);
    expect(near.counted).toBe(1);

    ledger.setBudget({ profile: 'default', period: 'day', limit_tokens: 59, limit_money: null, warn: [100], hard: true, alert_command: null }, NOW);
    await expect(enforceHardBudgets(opts, ledger, estimator())).rejects.toBeInstanceOf(QuotaError);
    ledger.close();
  });
});
