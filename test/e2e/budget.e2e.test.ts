/**
 * Budgets end to end: a hard daily cap refuses runs before any request, --force passes, alerts fire
 * once per threshold (and run the alert command once), and everything keeps working offline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { userAt } from '../helpers/cli.js';
import { ledgerRows } from '../helpers/ledger.js';
import { api, buy, startServe } from '../helpers/serve.js';

test('hard daily budget: refusal before any request, --force, alerts once, then offline figures', async () => {
  const s = await startServe();
  await buy(s.url, s.key);
  const u = userAt(undefined, { TZ: 'Asia/Shanghai' });
  await u.run(['login', '--with-token', '--api-url', s.url], { input: s.key });
  await u.run(['config', 'set', 'model', 'demo-mini']);
  const alerts = join(u.home, 'alerts.log');
  // Each "hi" run bills 8 prompt + 11 completion = 19 plan tokens; 4 runs = 76, the 5th would make 95 > 80.
  const set = await u.run(['budget', 'set', '--period', 'day', '--tokens', '80', '--warn', '50,75,100', '--hard', '--alert-command', `printf '%s %s %s %s %s\\n' "$TOKENCLI_ALERT_PERIOD" "$TOKENCLI_ALERT_THRESHOLD" "$TOKENCLI_ALERT_USED" "$TOKENCLI_ALERT_LIMIT" "$TOKENCLI_ALERT_HARD" >> ${alerts}`]);
  expect(set.code).toBe(0);

  const stderrs: string[] = [];
  let refused: Awaited<ReturnType<typeof u.run>> | undefined;
  for (let i = 0; i < 10 && !refused; i++) {
    const r = await u.run(['run', 'hi']);
    if (r.code === 5) refused = r;
    else {
      expect(r.code).toBe(0);
      stderrs.push(r.stderr);
    }
  }
  expect(stderrs).toHaveLength(4);
  expect(refused!.stdout).toBe('');
  expect(refused!.stderr).toMatch(/daily hard budget would be exceeded: used 76 of 80 plan tokens, this run is estimated at 8[\s\S]*--force/);
  const serverRequests = (await api(s.url, '/v1/usage', { key: s.key })).json.data[0].requests;
  expect(serverRequests).toBe(4);

  // Alerts: 50% crossed on run 3 (57), 75% on run 4 (76); each shown once, the command run once each.
  expect(stderrs.map((e) => (e.match(/threshold (\d+)%/g) ?? []).join())).toEqual(['', '', 'threshold 50%', 'threshold 75%']);
  expect(readFileSync(alerts, 'utf8')).toBe('day 50 57 80 1\nday 75 76 80 1\n');

  const forced = await u.run(['run', '--force', 'hi']);
  expect(forced.code).toBe(0);
  expect(forced.stderr).toMatch(/running anyway because of --force/);
  expect(forced.stderr).toMatch(/threshold 100%/);
  expect((await api(s.url, '/v1/usage', { key: s.key })).json.data[0].requests).toBe(5);
  const rows = ledgerRows(u.home);
  expect(rows.map((r) => r.forced)).toEqual([0, 0, 0, 0, 1]);
  expect(readFileSync(alerts, 'utf8').trim().split('\n')).toHaveLength(3);

  const status = JSON.parse((await u.run(['budget', 'status', '--json'])).stdout);
  expect(status.time_zone).toBe('Asia/Shanghai');
  expect(status.budgets[0]).toMatchObject({ period: 'day', hard: true, used_tokens: 95, limit_tokens: 80, percent: 118, crossed: [50, 75, 100] });
  expect(new Date(status.budgets[0].resets_at).getUTCHours()).toBe(16);

  const onlineBalance = JSON.parse((await u.run(['balance', '--json'])).stdout);
  expect(onlineBalance.tokens_remaining).toBe(400_000 - 95);
  await u.run(['run', '--force', 'hi']);

  // Offline: the server is gone; nothing here needs it.
  await s.stop();
  const offlineStatus = await u.run(['budget', 'status']);
  expect(offlineStatus.code).toBe(0);
  expect(offlineStatus.stdout).toMatch(/^period\thard\tused_tokens\tlimit_tokens\tpercent\tresets_at\tprojected_exhaustion\nday\ttrue\t114\t80\t142\t/);
  expect(offlineStatus.stderr).toMatch(/hard daily budget at 142% \(threshold 100%\)/);
  const usage = JSON.parse((await u.run(['usage', '--json'])).stdout);
  expect(usage.totals).toMatchObject({ runs: 6, billed_tokens: 114, prompt_tokens: 48, completion_tokens: 66, estimated_runs: 0 });
  const offline = await u.run(['balance', '--offline', '--json']);
  expect(offline.code).toBe(0);
  expect(JSON.parse(offline.stdout)).toMatchObject({ estimate: true, tokens_remaining: 400_000 - 114, spent_since: 19, last_seen_tokens_remaining: 400_000 - 95 });
  const gate = await u.run(['balance', '--offline', '--min', String(400_000 - 113)]);
  expect(gate.code).toBe(5);
  expect(gate.stderr).toMatch(/remaining by the offline estimate, below the minimum/);
  expect((await u.run(['balance', '--offline', '--min', String(400_000 - 114)])).code).toBe(0);
  const unreachable = await u.run(['balance', '--timeout', '2']);
  expect(unreachable.code).toBe(0);
  expect(unreachable.stderr).toMatch(/offline estimate \(server unreachable/);
  const stillRefused = await u.run(['run', 'hi']);
  expect(stillRefused.code).toBe(5);
});

test('usage report: groups, CSV, and reconcile against the server', async () => {
  const s = await startServe();
  await buy(s.url, s.key);
  const u = userAt(undefined, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key });
  await u.run(['plans']);
  for (const model of ['demo-mini', 'demo-pro', 'demo-pro']) await u.run(['run', '-m', model, 'hi']);
  const byModel = JSON.parse((await u.run(['usage', '--by', 'model', '--json'])).stdout);
  expect(byModel.rows.map((r: any) => [r.key, r.runs, r.billed_tokens])).toEqual([
    ['demo-pro', 2, 2 * (8 * 2 + 11 * 4)],
    ['demo-mini', 1, 19],
  ]);
  // Money at the starter plan's price (¥1 per 400,000 tokens), each row rounded up to the fen; the
  // total is the sum of the rows, so a report always adds up.
  expect(byModel.rows.map((r: any) => r.money)).toEqual([{ amount_minor: 1, currency: 'CNY' }, { amount_minor: 1, currency: 'CNY' }]);
  expect(byModel.totals.money).toEqual({ amount_minor: 2, currency: 'CNY' });
  const csv = (await u.run(['usage', '--by', 'model', '--csv'])).stdout.split('\n');
  expect(csv[0]).toBe('key,runs,prompt_tokens,completion_tokens,billed_tokens,money_minor,currency,estimated_runs');
  expect(csv[1]).toBe('demo-pro,2,16,22,120,1,CNY,0');
  const reconcile = JSON.parse((await u.run(['usage', '--reconcile', '--json'])).stdout);
  expect(reconcile.days).toHaveLength(1);
  expect(reconcile.days[0]).toMatchObject({ local_billed: 139, server_billed: 139, difference: 0, local_runs: 3, server_requests: 3 });
  const server = JSON.parse((await u.run(['usage', '--server', '--by', 'model', '--json'])).stdout);
  expect(server.data.map((r: any) => r.key)).toEqual(['demo-mini', 'demo-pro']);
  expect((await u.run(['usage', '--since', 'last tuesday'])).code).toBe(2);
  await s.stop();
});
