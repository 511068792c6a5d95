/** Proxies from the environment, and what `run` shows a person at a terminal. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { userAt } from '../helpers/cli.js';
import { connectProxy } from '../helpers/connect-proxy.js';
import { onPty } from '../helpers/pty.js';
import { buy, startServe, type Served } from '../helpers/serve.js';

let s: Served;
beforeAll(async () => {
  s = await startServe(['--demo-delay-ms', '20']);
  await buy(s.url, s.key);
});
afterAll(() => s.stop());

test('HTTPS_PROXY/HTTP_PROXY route requests through the proxy; NO_PROXY bypasses it', async () => {
  const proxy = await connectProxy();
  const host = new URL(s.url).host;
  const u = userAt(undefined, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key });
  const via = await u.run(['balance', '--json'], { env: { HTTP_PROXY: proxy.url } });
  expect(via.code, via.stderr).toBe(0);
  expect(proxy.targets).toContain(host);
  const before = proxy.targets.length;
  const bypass = await u.run(['balance', '--json'], { env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } });
  expect(bypass.code).toBe(0);
  expect(proxy.targets.length).toBe(before);
  await proxy.close();
});

test('on a terminal, run shows a spinner until the first token, then the answer and a usage line', async () => {
  const u = userAt(undefined, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key });
  const pty = onPty(['run', '-m', 'demo-mini', '--max-tokens', '12', 'hello'], { home: u.home, env: { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key } });
  expect(await pty.exit()).toBe(0);
  const screen = pty.screen();
  expect(screen).toMatch(/Asking demo-mini/);
  expect(screen).toMatch(/\d+ in · 12 out · \d+ plan tokens · [\d.]+s · first token \d+ms · [\d,]+ left/);
});

test('on a terminal, budget status and usage draw bars and aligned tables', async () => {
  const u = userAt(undefined, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key });
  await u.run(['budget', 'set', '--period', 'month', '--tokens', '100']);
  await u.run(['run', '-m', 'demo-mini', 'hi']);
  const env = { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key };
  const status = onPty(['budget', 'status'], { home: u.home, env });
  expect(await status.exit()).toBe(0);
  // 19 of 100: the bar is 3 of 20 cells filled.
  expect(status.screen()).toMatch(/PERIOD\s+USED\s+LIMIT\s+%/);
  expect(status.screen()).toMatch(/month\s+19\s+100\s+19%\s+███░{17}/);
  const usage = onPty(['usage', '--by', 'model'], { home: u.home, env });
  expect(await usage.exit()).toBe(0);
  expect(usage.screen()).toMatch(/MODEL\s+RUNS\s+PROMPT\s+COMPLETION\s+BILLED/);
  expect(usage.screen()).toMatch(/demo-mini\s+1\s+8\s+11\s+19\s+\S+\s+0%\s+▇+/);
});
