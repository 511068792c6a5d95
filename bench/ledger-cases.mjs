// The ledger at scale: the same commands on a ledger of BENCH_LEDGER_ROWS runs (1,000,000) and on
// one of 1,000, so a cost that grows with history shows as a ratio.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interleave, median, timed } from './measure.mjs';
import { SEARCH_WORD, seedLedger } from './seed-ledger.mjs';

const ROWS = Number(process.env.BENCH_LEDGER_ROWS ?? 1_000_000);
const HISTORY_ROWS = Number(process.env.BENCH_HISTORY_ROWS ?? 100_000);
const N = Number(process.env.BENCH_REPEAT ?? 7);

/**
 * The pre-run check in-process, with three hard budgets (day, week, month), on each ledger in turn
 * (alternating, so that a busy moment of the machine weighs on both): median µs of each.
 */
async function budgetChecks(dist, dirs) {
  const { Ledger } = await import(new URL('ledger/ledger.js', dist).href);
  const { budgetStates, checkHardBudgets } = await import(new URL('cli/budget-enforcement.js', dist).href);
  const ledgers = dirs.map((dir) => Ledger.open(join(dir, 'ledger.db')));
  for (const ledger of ledgers) {
    for (const period of ['day', 'week', 'month']) ledger.setBudget({ profile: 'default', period, limit_tokens: 1e12, limit_money: null, warn: [50, 80, 100], hard: true, alert_command: null }, new Date());
  }
  const times = ledgers.map(() => []);
  for (let i = 0; i < 401; i++) {
    for (const [k, ledger] of ledgers.entries()) {
      const t0 = performance.now();
      checkHardBudgets(await budgetStates(ledger, 'default', new Date(), async () => 'UTC'), 1000);
      times[k].push((performance.now() - t0) * 1000);
    }
  }
  for (const ledger of ledgers) ledger.close();
  return times.map(median);
}

export async function ledgerCases(bin, dist, row) {
  const big = mkdtempSync(join(tmpdir(), 'tokencli-bench-big-'));
  const small = mkdtempSync(join(tmpdir(), 'tokencli-bench-small-'));
  try {
    const t = performance.now();
    await seedLedger(big, ROWS, { dist });
    console.error(`seeded ${ROWS.toLocaleString()} runs in ${((performance.now() - t) / 1000).toFixed(1)}s`);
    await seedLedger(small, 1_000, { dist });
    const rows = ROWS.toLocaleString();
    const [checkBig, checkSmall] = await budgetChecks(dist, [big, small]);
    row(`pre-run budget check (3 hard budgets), ${rows} vs 1,000 rows`, checkBig, checkSmall, 'the same at 1,000 rows', { max: 1.2 }, 'µs');
    const cmd = (dir, ...args) => (o) => timed(process.execPath, [bin, ...args], { env: { TOKENCLI_HOME: dir }, ...o });
    const cases = {
      statusBig: cmd(big, 'budget', 'status', '--json'),
      statusSmall: cmd(small, 'budget', 'status', '--json'),
      dayBig: cmd(big, 'usage', '--since', '30d', '--by', 'day', '--json'),
      daySmall: cmd(small, 'usage', '--since', '30d', '--by', 'day', '--json'),
      modelBig: cmd(big, 'usage', '--since', '30d', '--by', 'model', '--json'),
      modelSmall: cmd(small, 'usage', '--since', '30d', '--by', 'model', '--json'),
    };
    const r = await interleave(N, cases);
    const c = await interleave(N, cases, { cpuOnly: true });
    // CPU time (user + system) is what grows with history; wall time on a shared machine mostly
    // measures the neighbours, so it is reported beside it.
    row(`budget status --json, ${rows} vs 1,000 rows: CPU`, c.statusBig.cpu, c.statusSmall.cpu, 'the same at 1,000 rows', { max: 1.2 });
    row('  its wall time', r.statusBig.total, r.statusSmall.total, 'the same at 1,000 rows', {});
    row(`usage --since 30d --by day, ${rows} vs 1,000 rows: CPU`, c.dayBig.cpu, c.daySmall.cpu, 'the same at 1,000 rows', { max: 1.5 });
    row('  its wall time', r.dayBig.total, r.daySmall.total, 'the same at 1,000 rows', {});
    row('  its peak RSS', r.dayBig.rss, r.daySmall.rss, 'the same at 1,000 rows', {}, 'MiB');
    row(`usage --since 30d --by model, ${rows} vs 1,000 rows: CPU`, c.modelBig.cpu, c.modelSmall.cpu, 'the same at 1,000 rows', { max: 1.5 });
    row('  its wall time', r.modelBig.total, r.modelSmall.total, 'the same at 1,000 rows', {});
  } finally {
    rmSync(big, { recursive: true, force: true });
    rmSync(small, { recursive: true, force: true });
  }
  await historyCases(bin, dist, row);
}

/** `logs --search` (issue 17) on HISTORY_ROWS stored runs against 1,000: a word in one run of a hundred, and one in none. */
async function historyCases(bin, dist, row) {
  const big = mkdtempSync(join(tmpdir(), 'tokencli-bench-history-big-'));
  const small = mkdtempSync(join(tmpdir(), 'tokencli-bench-history-small-'));
  try {
    await seedLedger(big, HISTORY_ROWS, { dist, content: true });
    await seedLedger(small, 1_000, { dist, content: true });
    const cmd = (dir, ...args) => (o) => timed(process.execPath, [bin, ...args], { env: { TOKENCLI_HOME: dir }, ...o });
    const cases = {
      someBig: cmd(big, 'logs', '--search', SEARCH_WORD, '--json'),
      someSmall: cmd(small, 'logs', '--search', SEARCH_WORD, '--json'),
      noneBig: cmd(big, 'logs', '--search', 'absent', '--json'),
      noneSmall: cmd(small, 'logs', '--search', 'absent', '--json'),
    };
    const r = await interleave(N, cases);
    const c = await interleave(N, cases, { cpuOnly: true });
    const rows = HISTORY_ROWS.toLocaleString();
    row(`logs --search (1 run in 100 matches), ${rows} vs 1,000 runs: CPU`, c.someBig.cpu, c.someSmall.cpu, 'the same at 1,000 runs', { max: 1.2 });
    row('  its wall time', r.someBig.total, r.someSmall.total, 'the same at 1,000 runs', {});
    row(`logs --search (no run matches), ${rows} vs 1,000 runs: CPU`, c.noneBig.cpu, c.noneSmall.cpu, 'the same at 1,000 runs', { max: 1.2 });
    row('  its wall time', r.noneBig.total, r.noneSmall.total, 'the same at 1,000 runs', {});
  } finally {
    rmSync(big, { recursive: true, force: true });
    rmSync(small, { recursive: true, force: true });
  }
}
