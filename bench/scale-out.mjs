// Scale-out benchmark (issue 18): requests per second and p99 latency of `tokencli serve` on its
// SQLite default, as one PostgreSQL replica, and as two replicas on one PostgreSQL database, each
// driven by autocannon at 50 connections (split evenly between replicas) for two workloads: a read
// (GET /v1/balance) and a metered chat completion (POST /v1/chat/completions, demo-mini, max_tokens
// 1: admission and settlement, two transactions under the account's row lock). One account: the
// worst case, since all its metered requests take the same lock. For two replicas the req/s are
// summed and the p99 is the larger of the two generators'. PostgreSQL is a throwaway cluster
// (scripts/pg-cluster.mjs) on this same machine, so on a small machine the replicas, the database
// and the load generators share the cores. Run alone with `node bench/scale-out.mjs`
// (BENCH_SECONDS per row, default 5; BENCH_BIN measures another build).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { createDatabase, startCluster } from '../scripts/pg-cluster.mjs';

const BIN = process.env.BENCH_BIN ?? new URL('../bin/tokencli.js', import.meta.url).pathname;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = 50;

const dirs = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'tokencli-scale-'));
  dirs.push(d);
  return d;
};

/** One `tokencli serve`; the demo key when this one created the database. */
async function serve(extra) {
  const home = tempDir();
  const args = [BIN, 'serve', '--port', '0', '--data-dir', home, '--rate-limit', '1000000', '--rate-burst', '1000000', ...extra];
  const child = spawn(process.execPath, args, { env: { ...process.env, TOKENCLI_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const url = await new Promise((resolve, reject) => {
    child.stdout.once('data', (d) => resolve(String(d).trim().split('\n')[0]));
    child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  return { url, key: /tp_\w+/.exec(err)?.[0], stop: () => child.kill('SIGKILL') };
}

/** The servers of one configuration, their demo account funded for every request of the run. */
async function configuration(kind, adminUrl) {
  const servers = [];
  if (kind === 'sqlite') servers.push(await serve([]));
  else {
    const database = await createDatabase(adminUrl, `bench_${randomBytes(4).toString('hex')}`);
    const replicas = kind === 'postgres-1' ? 1 : 2;
    for (let i = 0; i < replicas; i++) servers.push(await serve(['--database', database, '--replica-id', `bench-${i}`, '--db-pool-size', '10']));
  }
  const key = servers.find((s) => s.key).key;
  const res = await fetch(`${servers[0].url}/v1/purchases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'idempotency-key': 'bench', 'content-type': 'application/json' },
    body: '{"plan_id":"max","quantity":10}',
  });
  if (res.status !== 201) throw new Error(`purchase failed: ${res.status} ${await res.text()}`);
  return { servers, key };
}

const WORKLOADS = {
  'GET /v1/balance': (url, key) => ({ url: `${url}/v1/balance`, headers: { authorization: `Bearer ${key}` } }),
  'POST /v1/chat/completions (metered)': (url, key) => ({
    url: `${url}/v1/chat/completions`,
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'demo-mini', messages: [{ role: 'user', content: 'hi' }], max_tokens: 1 }),
  }),
};

/** All the configuration's servers loaded at once, the connections split between them. */
async function load({ servers, key }, workload) {
  const results = await Promise.all(
    servers.map((s) => autocannon({ ...WORKLOADS[workload](s.url, key), connections: CONNECTIONS / servers.length, duration: SECONDS, timeout: SECONDS })),
  );
  const failed = results.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
  return { rps: results.reduce((n, r) => n + r.requests.average, 0), p99: Math.max(...results.map((r) => r.latency.p99)), failed };
}

const cluster = await startCluster();
const rows = [];
try {
  for (const kind of ['sqlite', 'postgres-1', 'postgres-2']) {
    const config = await configuration(kind, cluster.url);
    try {
      for (const workload of Object.keys(WORKLOADS)) rows.push({ kind, workload, ...(await load(config, workload)) });
    } finally {
      config.servers.forEach((s) => s.stop());
    }
  }
} finally {
  await cluster.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}

const label = { sqlite: 'one server, SQLite', 'postgres-1': 'one replica, PostgreSQL', 'postgres-2': 'two replicas, one PostgreSQL' };
console.log(`\nScale-out (${CONNECTIONS} connections, ${SECONDS} s per row, this machine: the servers, PostgreSQL and autocannon share its cores)\n`);
console.log('| configuration | workload | req/s | p99 | failed |');
console.log('| --- | --- | ---: | ---: | ---: |');
for (const r of rows) console.log(`| ${label[r.kind]} | ${r.workload} | ${Math.round(r.rps)} | ${r.p99} ms | ${r.failed} |`);
