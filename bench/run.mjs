// Benchmarks (issue 14): each figure is a ratio against a baseline measured in the same run on the
// same machine, printed with its target and written to bench/results.json; never a test failure.
// Run with `npm run bench`; BENCH_BIN=path/to/bin/tokencli.js measures another build (its dist/
// beside it), BENCH_REPEAT, BENCH_LEDGER_ROWS, BENCH_HISTORY_ROWS and BENCH_SECONDS scale the work.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { pathToFileURL } from 'node:url';
import { clientCases } from './client-cases.mjs';
import { ledgerCases } from './ledger-cases.mjs';
import { CPU_CLOCK } from './measure.mjs';
import { serverCases } from './server-cases.mjs';
import { serverLoad } from './server-load.mjs';

const BIN = process.env.BENCH_BIN ?? new URL('../bin/tokencli.js', import.meta.url).pathname;
const DIST = new URL('../dist/', pathToFileURL(BIN));
const results = [];

/** One row: ours against its baseline; `target` is { max } for "at most" or { min } for "at least". */
function row(measure, ours, base, baseline, target, unit = 'ms', kind = 'ours') {
  // The unit may be left out: row(..., target, 'peer') or row(..., target, 'MiB').
  if (unit === 'peer') [unit, kind] = ['ms', 'peer'];
  const ratio = ours / base;
  const met = target.max !== undefined ? ratio <= target.max : target.min !== undefined ? ratio >= target.min : undefined;
  const digits = unit === 'req/s' ? 0 : 1;
  results.push({
    measure,
    ours: `${ours.toFixed(digits)} ${unit}`,
    baseline: `${base.toFixed(digits)} ${unit} (${baseline})`,
    ratio: `${ratio.toFixed(2)}×`,
    target: target.max !== undefined ? `≤ ${target.max}×` : target.min !== undefined ? `≥ ${target.min}×` : kind === 'peer' ? '(peer)' : '(reported)',
    met: met === undefined ? '' : met ? 'yes' : 'NO',
  });
  console.error(`${measure}: ${results.at(-1).ours} vs ${results.at(-1).baseline} = ${results.at(-1).ratio}`);
}

await clientCases(BIN, row);
await ledgerCases(BIN, DIST, row);
await serverCases(BIN, row);
console.table(results);
const machine = {
  cpu: cpus()[0]?.model,
  cores: cpus().length,
  memory_gib: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  curl: execFileSync('curl', ['--version']).toString().split(' ')[1],
  cpu_clock: CPU_CLOCK,
  date: new Date().toISOString(),
};
console.log(machine);
writeFileSync(new URL('./results.json', import.meta.url), JSON.stringify({ machine, bin: BIN, results }, null, 2) + '\n');

// The server under load (issue 11): its own table, after the issue-14 rows are saved.
if (process.env.BENCH_SERVER_LOAD !== '0') console.table(await serverLoad());
