/**
 * The kill loop of issue 10: 20 runs killed with SIGKILL and 10 with SIGTERM mid-stream. Every run
 * must end on the ledger (none lost, none left pending), and after one reconcile the local figures
 * equal the server's, run for run and token for token.
 */
import { spawn } from 'node:child_process';
import { expect, test } from 'vitest';
import { userAt } from '../helpers/cli.js';
import { ledgerRows } from '../helpers/ledger.js';
import { BIN, cleanEnv, exited, track } from '../helpers/procs.js';
import { api, buy, startServe } from '../helpers/serve.js';

test('20 × kill -9 and 10 × SIGTERM mid-stream: every run on the ledger, reconciled exactly with the server', async () => {
  const s = await startServe(['--demo-delay-ms', '15']);
  await buy(s.url, s.key, 'pro');
  const u = userAt(undefined, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key });
  const env = cleanEnv(u.home, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key });

  const killMidStream = async (signal: NodeJS.Signals) => {
    const child = track(spawn(process.execPath, [BIN, 'run', '-m', 'demo-mini', '--max-tokens', '300', 'count to a thousand'], { env, stdio: ['ignore', 'pipe', 'ignore'] }));
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    for (let i = 0; i < 500 && out.split(' ').length < 5; i++) await new Promise((r) => setTimeout(r, 10));
    child.kill(signal);
    return (await exited(child)).code;
  };
  const signals = [...Array<NodeJS.Signals>(20).fill('SIGKILL'), ...Array<NodeJS.Signals>(10).fill('SIGTERM')];
  const codes: (number | null)[] = [];
  for (let i = 0; i < signals.length; i += 5) codes.push(...(await Promise.all(signals.slice(i, i + 5).map(killMidStream))));
  expect(codes.filter((c) => c === 143)).toHaveLength(10);

  const rows = ledgerRows(u.home);
  expect(rows).toHaveLength(30);
  const r = await u.run(['usage', '--reconcile', '--json']);
  expect(r.code, r.stderr).toBe(0);
  const after = ledgerRows(u.home);
  expect(after.filter((row) => row.status === 'pending')).toEqual([]);
  expect(after.every((row) => row.source === 'server')).toBe(true);
  const days = JSON.parse(r.stdout).days as { local_billed: number; server_billed: number; difference: number; local_runs: number; server_requests: number }[];
  expect(days.reduce((n, d) => n + d.difference, 0)).toBe(0);
  expect(days.reduce((n, d) => n + d.local_runs, 0)).toBe(30);
  expect(days.reduce((n, d) => n + d.server_requests, 0)).toBe(30);
  const server = (await api(s.url, '/v1/usage?group_by=model', { key: s.key })).json.data[0];
  expect(after.reduce((n, row) => n + row.billed_tokens, 0)).toBe(server.billed_tokens);
  await s.stop();
});
