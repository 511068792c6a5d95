// Server load benchmark (issue 11): a `tokencli serve` of its own on 127.0.0.1, driven by autocannon.
// Three figures, each with a ratio against a baseline from the same run: GET /v1/balance at 50
// connections; 100 concurrent demo streams, checked against the ledger (every stream billed exactly);
// and GET /v1/balance again while 8 clients (another process) keep sending 1 MB pathological
// prompts. A control aims the same hostile load at a second server instead: what the p99 moves
// then is the machine's CPU being shared (the load generators run on it too), not this server's
// event loop. Run alone with `node bench/server-load.mjs` (BENCH_BIN=path/to/bin/tokencli.js
// measures another build).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const BIN = process.env.BENCH_BIN ?? new URL('../bin/tokencli.js', import.meta.url).pathname;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

async function startServer(dataDir) {
  const args = [BIN, 'serve', '--port', '0', '--data-dir', dataDir, '--rate-limit', '1000000', '--rate-burst', '1000000', '--demo-delay-ms', '5'];
  const child = spawn(process.execPath, args, { env: { ...process.env, TOKENCLI_HOME: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const url = await new Promise((resolve) => child.stdout.once('data', (d) => resolve(String(d).trim())));
  const key = /tp_\w+/.exec(err)[0];
  // SIGKILL: a server frozen by a pathological prompt would not honour SIGTERM in any useful time.
  return { url, key, stop: () => child.kill('SIGKILL') };
}

const post = (s, path, body, headers = {}, signal) =>
  fetch(s.url + path, { method: 'POST', headers: { authorization: `Bearer ${s.key}`, 'content-type': 'application/json', ...headers }, body, signal });
const balance = async (s) => (await (await fetch(`${s.url}/v1/balance`, { headers: { authorization: `Bearer ${s.key}` } })).json()).tokens_remaining;

function balanceLoad(s) {
  return autocannon({ url: `${s.url}/v1/balance`, connections: 50, duration: SECONDS, timeout: SECONDS, headers: { authorization: `Bearer ${s.key}` } });
}

/** 100 streams at once; exact when what their usage chunks report equals what left the balance. */
async function streams(s) {
  const before = await balance(s);
  const t0 = performance.now();
  const body = (i) => JSON.stringify({ model: 'demo-mini', messages: [{ role: 'user', content: `stream ${i}` }], max_tokens: 200, stream: true, stream_options: { include_usage: true } });
  const billed = await Promise.all(
    Array.from({ length: 100 }, async (_, i) => {
      const text = await (await post(s, '/v1/chat/completions', body(i))).text();
      const line = text.split('\n').find((l) => l.includes('"billing"'));
      const usage = line ? JSON.parse(line.slice('data: '.length)).usage : undefined;
      return usage?.completion_tokens === 200 ? usage.billing.billed_tokens : NaN;
    }),
  );
  const ms = performance.now() - t0;
  const spent = before - (await balance(s));
  const reported = billed.reduce((a, b) => a + b, 0);
  return { ms, spent, reported, exact: billed.every(Number.isInteger) && spent === reported };
}

/** 8 clients sending 1 MB pathological prompts, in a child process (see pathological-clients.mjs). */
function pathologicalClients(s, seconds) {
  const script = new URL('./pathological-clients.mjs', import.meta.url).pathname;
  const child = spawn(process.execPath, [script, s.url, s.key, String(seconds)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  return new Promise((resolve) => child.on('exit', () => resolve(JSON.parse(out))));
}

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];

/** Runs autocannon on `s` while the pathological clients hit `target`. */
async function balanceLoadUnderAttack(s, target) {
  const hostile = pathologicalClients(target, SECONDS + 1);
  // Let the first pathological prompts arrive before measuring.
  await new Promise((r) => setTimeout(r, 1000));
  const loaded = await balanceLoad(s);
  return { loaded, answers: await hostile };
}

export async function serverLoad() {
  const dataDir = mkdtempSync(join(tmpdir(), 'tokencli-bench-serve-'));
  const otherDir = mkdtempSync(join(tmpdir(), 'tokencli-bench-other-'));
  const s = await startServer(dataDir);
  const other = await startServer(otherDir);
  try {
    for (const server of [s, other]) await post(server, '/v1/purchases', '{"plan_id":"max"}', { 'idempotency-key': 'bench' });
    const calm = await balanceLoad(s);
    const st = await streams(s);
    const { loaded, answers } = await balanceLoadUnderAttack(s, s);
    const control = (await balanceLoadUnderAttack(s, other)).loaded;
    const statuses = Object.entries(answers.reduce((m, a) => ({ ...m, [a.status]: (m[a.status] ?? 0) + 1 }), {}))
      .map(([k, v]) => `${v}×${k}`)
      .join(' ');
    const ms = answers.map((a) => a.ms);
    const row = (figure, value, ratio = '') => ({ figure, value, ratio });
    // autocannon reports 0 ms for a run in which nothing was answered: say so instead of a ratio.
    const p99Ratio = (r, note) => (r.requests.total === 0 ? 'nothing answered' : `p99 ${(r.latency.p99 / calm.latency.p99).toFixed(2)}× calm (${note})`);
    return [
      row('GET /v1/balance, 50 connections: requests/s', calm.requests.average.toFixed(0)),
      row('  p50 / p99 latency', `${calm.latency.p50} / ${calm.latency.p99} ms`),
      row('  errors + timeouts', `${calm.errors + calm.timeouts}`),
      row('100 concurrent demo streams (200 tokens each)', `${st.ms.toFixed(0)} ms, billed ${st.reported}, balance down ${st.spent}`, st.exact ? 'exact' : 'NOT EXACT'),
      row('GET /v1/balance under 8 × 1 MB pathological prompts: requests/s', loaded.requests.average.toFixed(0), `${(loaded.requests.average / calm.requests.average).toFixed(2)}× calm`),
      row('  p50 / p99 latency', `${loaded.latency.p50} / ${loaded.latency.p99} ms`, p99Ratio(loaded, 'target ≤ 2×')),
      row('  errors + timeouts', `${loaded.errors + loaded.timeouts} of ${loaded.requests.sent}`),
      row('pathological prompts answered', `${answers.length}: ${statuses}`),
      row('  their p50 / max answer time', `${pct(ms, 50)?.toFixed(0)} / ${pct(ms, 100)?.toFixed(0)} ms`),
      row('control: the same load aimed at another server: requests/s', control.requests.average.toFixed(0), `${(control.requests.average / calm.requests.average).toFixed(2)}× calm`),
      row('  p50 / p99 latency', `${control.latency.p50} / ${control.latency.p99} ms`, p99Ratio(control, 'the machine alone')),
    ];
  } finally {
    s.stop();
    other.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(otherDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await serverLoad());
