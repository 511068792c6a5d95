// The server's cheapest reads under load (autocannon, 50 connections) against a bare node:http
// hello world, in three interleaved rounds (medians), so that a busy moment of a shared machine
// weighs on the baseline as much as on the server.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { median } from './measure.mjs';
import { helloServer, tokenServer } from './servers.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const load = async (url, headers = {}) => (await autocannon({ url, connections: 50, duration: Math.max(1, SECONDS / 3), headers })).requests.average;

export async function serverCases(bin, row) {
  const hello = await helloServer();
  const server = await tokenServer(bin, mkdtempSync(join(tmpdir(), 'tokencli-bench-serve-')));
  try {
    const rounds = { base: [], balance: [], models: [] };
    for (let i = 0; i < 3; i++) {
      rounds.base.push(await load(hello.url));
      rounds.balance.push(await load(`${server.url}/v1/balance`, { authorization: `Bearer ${server.key}` }));
      rounds.models.push(await load(`${server.url}/v1/models`));
    }
    const [base, balance, models] = [median(rounds.base), median(rounds.balance), median(rounds.models)];
    row('server GET /v1/balance, 50 connections', balance, base, 'node:http hello world', { min: 0.35 }, 'req/s');
    row('server GET /v1/models, 50 connections', models, base, 'node:http hello world', { min: 0.5 }, 'req/s');
  } finally {
    hello.stop();
    server.stop();
  }
}
