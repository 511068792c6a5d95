/**
 * Alerts on quota windows end to end against a real `tokencli serve`: set with `budget window`,
 * checked after each run against the windows its answer reported, each threshold once (with the
 * alert command), shown by `budget status`, removed by `budget rm --window`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { userAt } from '../helpers/cli.js';
import { api, chat, startServe, type Served } from '../helpers/serve.js';

let s: Served;
beforeAll(async () => {
  s = await startServe();
  expect((await api(s.url, '/v1/subscriptions', { key: s.key, body: { plan_id: 'lite-monthly' }, headers: { 'idempotency-key': 'alerts' } })).status).toBe(201);
});
afterAll(() => s.stop());

test('budget window 5h: each threshold of the 80-request window alerts once, to stderr and the command; status and rm', async () => {
  const u = userAt(undefined, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key });
  const log = join(u.home, 'alerts.log');
  const set = await u.run(['budget', 'window', '5h', '--warn', '2,3', '--json', '--alert-command', `printf '%s %s %s %s %s\\n' "$TOKENCLI_ALERT_WINDOW" "$TOKENCLI_ALERT_UNIT" "$TOKENCLI_ALERT_THRESHOLD" "$TOKENCLI_ALERT_USED" "$TOKENCLI_ALERT_LIMIT" >> ${log}`]);
  expect(set.code).toBe(0);
  expect(JSON.parse(set.stdout)).toMatchObject({ window: 'rolling_5h', warn: [2, 3] });

  const stderrs: string[] = [];
  for (let i = 0; i < 4; i++) {
    const r = await u.run(['run', '-m', 'demo-mini', '--max-tokens', '2', 'hi']);
    expect(r.code).toBe(0);
    stderrs.push(r.stderr);
  }
  // 2 of 80 requests is 2.5%: the 2% threshold; 3 is 3.75%: the 3% one; the fourth run crosses none.
  expect(stderrs.map((e) => e.match(/5-hour quota window at (\d+)% \(threshold (\d+)%\)/)?.slice(1) ?? null)).toEqual([null, ['2', '2'], ['3', '3'], null]);
  expect(readFileSync(log, 'utf8')).toBe('rolling_5h requests 2 2 80\nrolling_5h requests 3 3 80\n');

  const status = JSON.parse((await u.run(['budget', 'status', '--json'])).stdout);
  expect(status.window_alerts).toEqual([{ window: 'rolling_5h', warn: [2, 3], alert_command: expect.any(String), unit: 'requests', used: 4, limit: 80, percent: 5, crossed: [2, 3], resets_at: expect.any(String), estimate: true }]);

  expect((await u.run(['budget', 'window', 'fortnight'])).code).toBe(2);
  expect((await u.run(['budget', 'window', 'week', '--warn', 'lots'])).code).toBe(2);
  expect((await u.run(['budget', 'rm'])).code).toBe(2);
  expect((await u.run(['budget', 'rm', '--window', '5h'])).code).toBe(0);
  const again = await u.run(['budget', 'rm', '--window', '5h']);
  expect(again.code).toBe(2);
  expect(again.stderr).toMatch(/no alerts on the rolling 5-hour quota window/);
  expect(JSON.parse((await u.run(['budget', 'status', '--json'])).stdout).window_alerts).toEqual([]);
});

test('an online quota checks the window alerts too: a threshold crossed by spending elsewhere alerts once; an offline estimate never', async () => {
  const u = userAt(undefined, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key });
  const log = join(u.home, 'alerts.log');
  expect((await u.run(['budget', 'window', '5h', '--warn', '10,20', '--alert-command', `printf '%s %s\\n' "$TOKENCLI_ALERT_THRESHOLD" "$TOKENCLI_ALERT_USED" >> ${log}`])).code).toBe(0);
  // Requests made without this CLI (another machine, a script): only the server knows of them.
  const spendTo = async (requests: number) => {
    for (;;) {
      const five = (await api(s.url, '/v1/quota', { key: s.key })).json.windows.find((w: { window: string; unit: string }) => w.window === 'rolling_5h' && w.unit === 'requests');
      if (five.used >= requests) return expect(five.used).toBe(requests);
      expect((await chat(s.url, s.key, { model: 'demo-mini', max_tokens: 2, messages: [{ role: 'user', content: 'hi' }] })).status).toBe(200);
    }
  };
  await spendTo(8);
  const first = await u.run(['quota']);
  expect(first.code, first.stderr).toBe(0);
  expect(first.stderr).toMatch(/^! rolling 5-hour quota window at 10% \(threshold 10%\): 8 of 80 requests/m);
  const again = await u.run(['quota']);
  expect(again.stderr).not.toMatch(/quota window at/);
  expect((await u.run(['quota', '--offline'])).stderr).not.toMatch(/quota window at/);

  await spendTo(16);
  expect((await u.run(['quota', '--offline'])).stderr).not.toMatch(/quota window at/);
  const json = await u.run(['quota', '--json']);
  expect(json.code).toBe(0);
  expect(JSON.parse(json.stdout).windows.length).toBeGreaterThan(0);
  expect(json.stderr).toMatch(/quota window at 20% \(threshold 20%\)/);
  expect(readFileSync(log, 'utf8')).toBe('10 8\n20 16\n');
});

test('overlapping runs: a run answered before a claim and finishing after it does not re-arm the threshold', async () => {
  // Tokens come 100 ms apart, so a long answer is still streaming while short runs finish.
  const slow = await startServe(['--demo-delay-ms', '100']);
  try {
    expect((await api(slow.url, '/v1/subscriptions', { key: slow.key, body: { plan_id: 'lite-monthly' }, headers: { 'idempotency-key': 'overlap' } })).status).toBe(201);
    const u = userAt(undefined, { TOKENCLI_API_URL: slow.url, TOKENCLI_API_KEY: slow.key });
    const log = join(u.home, 'alerts.log');
    expect((await u.run(['budget', 'window', '5h', '--warn', '3', '--alert-command', `printf '%s %s\\n' "$TOKENCLI_ALERT_THRESHOLD" "$TOKENCLI_ALERT_USED" >> ${log}`])).code).toBe(0);
    // Answered at 0 requests used; it finishes last and reports 1 of 80 (1%).
    const long = u.run(['run', '-m', 'demo-mini', '--max-tokens', '40', 'long']);
    const rollingRequests = async () => (await api(slow.url, '/v1/quota', { key: slow.key })).json.windows.find((w: { window: string; unit: string }) => w.window === 'rolling_5h' && w.unit === 'requests');
    while ((await rollingRequests()).held === 0) await new Promise((r) => setTimeout(r, 20));
    // 3 of 80 requests is 3.75%: the third short run claims the 3% threshold while the long one streams.
    for (let i = 0; i < 3; i++) expect((await u.run(['run', '-m', 'demo-mini', '--max-tokens', '1', `short ${i}`])).code).toBe(0);
    expect(readFileSync(log, 'utf8')).toBe('3 3\n');
    expect((await long).code).toBe(0);
    const after = await u.run(['run', '-m', 'demo-mini', '--max-tokens', '1', 'after']);
    expect(after.code).toBe(0);
    expect(after.stderr).not.toMatch(/quota window at/);
    expect(readFileSync(log, 'utf8')).toBe('3 3\n');
  } finally {
    await slow.stop();
  }
});
