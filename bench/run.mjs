// Benchmarks: each figure is a ratio against a baseline measured in the same run on the same
// machine (never an absolute pass/fail), printed as a table. Run with `npm run bench`.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedLedger } from './seed-ledger.mjs';
import { serverLoad } from './server-load.mjs';
import { Ledger } from '../dist/ledger/ledger.js';
import { budgetStates, checkHardBudgets } from '../dist/cli/budget-enforcement.js';

const BIN = new URL('../bin/tokencli.js', import.meta.url).pathname;
const ROWS = Number(process.env.BENCH_LEDGER_ROWS ?? 1_000_000);
const results = [];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const report = (name, ours, base, unit = 'ms') =>
  results.push({ case: name, ours: `${ours.toFixed(1)} ${unit}`, baseline: `${base.toFixed(1)} ${unit}`, ratio: `${(ours / base).toFixed(2)}×` });

/** Spawns a command; resolves with ms to the first stdout byte matching `first` and ms to exit. */
function timed(cmd, args, env = {}, first = /\S/) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let firstAt;
    let out = '';
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.on('data', (d) => {
      out += d;
      if (firstAt === undefined && first.test(out)) firstAt = performance.now() - t0;
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve({ first: firstAt ?? NaN, total: performance.now() - t0, out }) : reject(new Error(`${cmd} exited ${code}`))));
  });
}

async function repeat(n, fn) {
  const firsts = [];
  const totals = [];
  for (let i = 0; i < n; i++) {
    const r = await fn();
    firsts.push(r.first);
    totals.push(r.total);
  }
  return { first: median(firsts), total: median(totals) };
}

async function startServer(home) {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--rate-limit', '10000', '--rate-burst', '10000'], { env: { ...process.env, TOKENCLI_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const url = await new Promise((resolve) => child.stdout.once('data', (d) => resolve(String(d).trim())));
  await new Promise((r) => setTimeout(r, 100));
  return { url, key: /tp_\w+/.exec(err)[0], stop: () => child.kill('SIGTERM') };
}

const home = mkdtempSync(join(tmpdir(), 'tokencli-bench-'));
try {
  // 1. Start-up: `tokencli --version` against a bare `node -e 0`.
  const node = await repeat(7, () => timed(process.execPath, ['-e', 'console.log(1)']));
  const version = await repeat(7, () => timed(process.execPath, [BIN, '--version']));
  report('start-up: tokencli --version vs node -e', version.total, node.total);

  // 2. Streaming: the same request through `tokencli run` and `curl -N`, time to first token and to the end.
  const server = await startServer(home);
  await fetch(`${server.url}/v1/purchases`, { method: 'POST', headers: { authorization: `Bearer ${server.key}`, 'idempotency-key': 'bench', 'content-type': 'application/json' }, body: '{"plan_id":"max"}' });
  const env = { TOKENCLI_HOME: home, TOKENCLI_API_URL: server.url, TOKENCLI_API_KEY: server.key };
  // demo-pro: its 32k context fits a 10,000-token answer.
  const body = (max) => JSON.stringify({ model: 'demo-pro', messages: [{ role: 'user', content: 'bench' }], max_tokens: max, stream: true, stream_options: { include_usage: true } });
  const curl = (max) => timed('curl', ['-sN', `${server.url}/v1/chat/completions`, '-H', `authorization: Bearer ${server.key}`, '-H', 'content-type: application/json', '-d', body(max)], {}, /"content":"[^"]/);
  const cli = (max) => timed(process.execPath, [BIN, 'run', '-m', 'demo-pro', '--max-tokens', String(max), 'bench'], env);
  const curlShort = await repeat(5, () => curl(20));
  const cliShort = await repeat(5, () => cli(20));
  report('run: time to first token vs curl -N', cliShort.first, curlShort.first);
  const curlLong = await repeat(3, () => curl(10_000));
  const cliLong = await repeat(3, () => cli(10_000));
  report('run: 10,000-token answer vs curl -N', cliLong.total, curlLong.total);
  server.stop();

  // 3. The ledger at scale: budget checks on ROWS runs against the same on 1,000 runs.
  const big = mkdtempSync(join(tmpdir(), 'tokencli-bench-big-'));
  const small = mkdtempSync(join(tmpdir(), 'tokencli-bench-small-'));
  const t = performance.now();
  seedLedger(big, ROWS);
  console.error(`seeded ${ROWS.toLocaleString()} runs in ${((performance.now() - t) / 1000).toFixed(1)}s`);
  seedLedger(small, 1_000);
  const check = async (dir) => {
    const ledger = Ledger.open(join(dir, 'ledger.db'));
    for (const period of ['day', 'week', 'month']) ledger.setBudget({ profile: 'default', period, limit_tokens: 1e12, limit_money: null, warn: [50, 80, 100], hard: true, alert_command: null }, new Date());
    const times = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      checkHardBudgets(await budgetStates(ledger, 'default', new Date(), async () => 'UTC'), 1000);
      times.push(performance.now() - t0);
    }
    ledger.close();
    return median(times);
  };
  report(`pre-run budget check: ${ROWS.toLocaleString()} vs 1,000 rows (3 budgets)`, await check(big), await check(small));
  const status = async (dir) => (await repeat(5, () => timed(process.execPath, [BIN, 'budget', 'status'], { TOKENCLI_HOME: dir }))).total;
  report(`budget status (whole command): ${ROWS.toLocaleString()} vs 1,000 rows`, await status(big), await status(small));
  rmSync(big, { recursive: true, force: true });
  rmSync(small, { recursive: true, force: true });
} finally {
  rmSync(home, { recursive: true, force: true });
}
console.table(results);

// 4. The server under load: its own `tokencli serve`, driven by autocannon (bench/server-load.mjs).
console.table(await serverLoad());

// 5. What a user installs: the tarball, and the production dependency tree (sizes, not ratios,
//    printed so that growth shows up from one run to the next).
const { execFileSync } = await import('node:child_process');
const { statSync, readdirSync } = await import('node:fs');
const root = new URL('..', import.meta.url).pathname;
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] }).toString());
const deps = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: root }).toString().trim().split('\n').slice(1);
const sizeOf = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((t, e) => t + (e.isDirectory() ? (e.name === 'node_modules' ? 0 : sizeOf(join(dir, e.name))) : statSync(join(dir, e.name)).size), 0);
const installed = deps.reduce((t, d) => t + sizeOf(d), 0);
console.table([
  { figure: 'tarball (npm pack)', value: `${(packed.size / 1024).toFixed(0)} KiB, ${packed.entryCount} files` },
  { figure: 'package unpacked', value: `${(packed.unpackedSize / 1024).toFixed(0)} KiB` },
  { figure: 'production dependencies', value: `${deps.length} packages` },
  { figure: 'installed dependencies on disk', value: `${(installed / 1024 / 1024).toFixed(1)} MiB` },
]);
