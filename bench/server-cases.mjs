// The server's cheapest reads under load (autocannon, 50 connections) against a bare node:http
// hello world measured in the same run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { helloServer, tokenServer } from './servers.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const load = (url, headers = {}) => autocannon({ url, connections: 50, duration: SECONDS, headers });

export async function serverCases(bin, row) {
  const hello = await helloServer();
  const server = await tokenServer(bin, mkdtempSync(join(tmpdir(), 'tokencli-bench-serve-')));
  try {
    const base = (await load(hello.url)).requests.average;
    const balance = (await load(`${server.url}/v1/balance`, { authorization: `Bearer ${server.key}` })).requests.average;
    const models = (await load(`${server.url}/v1/models`)).requests.average;
    row('server GET /v1/balance, 50 connections', balance, base, 'node:http hello world', { min: 0.35 }, 'req/s');
    row('server GET /v1/models, 50 connections', models, base, 'node:http hello world', { min: 0.5 }, 'req/s');
  } finally {
    hello.stop();
    server.stop();
  }
}
