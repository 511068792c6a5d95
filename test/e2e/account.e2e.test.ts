/**
 * The account journey through the built binary against a real `tokencli serve`, non-interactive,
 * as a script or CI would run it: stdout, stderr, exit codes and what is stored on disk.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { userAt } from '../helpers/cli.js';
import { api, startServe, type Served } from '../helpers/serve.js';

let s: Served;
beforeAll(async () => {
  s = await startServe();
});
afterAll(() => s.stop());

const mode = (path: string) => statSync(path).mode & 0o777;

describe('account commands', () => {
  test('the whole journey, non-interactively', async () => {
    const u = userAt();
    const login = await u.run(['login', '--with-token', '--api-url', s.url], { input: `${s.key}\n` });
    expect(login).toMatchObject({ code: 0, stdout: '' });
    expect(login.stderr).toMatch(/Logged in to http:\/\/127\.0\.0\.1:\d+ as demo/);
    expect(mode(join(u.home, 'credentials.json'))).toBe(0o600);
    expect(mode(u.home)).toBe(0o700);
    expect(JSON.parse(readFileSync(join(u.home, 'config.json'), 'utf8')).profiles.default.api_url).toBe(s.url);
    expect(readFileSync(join(u.home, 'config.json'), 'utf8')).not.toContain(s.key);

    const status = await u.run(['auth', 'status', '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ profile: 'default', api_url: s.url, account: { name: 'demo' }, reachable: true, status: 'ok', key: { source: 'stored' } });

    const plans = await u.run(['plans', '--json']);
    expect(plans.code).toBe(0);
    const catalogue = JSON.parse(plans.stdout);
    expect(catalogue.object).toBe('list');
    expect(catalogue.data[0]).toMatchObject({ id: 'starter', tokens: 400_000, price: { amount_minor: 100, currency: 'CNY' }, validity_days: 30 });
    expect(catalogue.data).toHaveLength(4);

    const bought = await u.run(['plan', 'purchase', 'starter', '--yes', '--json']);
    expect(bought.code).toBe(0);
    const purchase = JSON.parse(bought.stdout);
    expect(purchase).toMatchObject({ plan_id: 'starter', quantity: 1, tokens: 400_000, status: 'succeeded', pack: { tokens_total: 400_000 } });
    expect(purchase.balance.tokens_remaining).toBeGreaterThanOrEqual(400_000);

    const balance = await u.run(['balance', '--json']);
    expect(balance.code).toBe(0);
    const b = JSON.parse(balance.stdout);
    expect(b.tokens_remaining).toBe(purchase.balance.tokens_remaining);
    expect(b.packs.map((p: any) => p.id)).toContain(purchase.pack.id);

    expect((await u.run(['balance', '--min', String(b.tokens_remaining)])).code).toBe(0);
    const gate = await u.run(['balance', '--min', String(b.tokens_remaining + 1)]);
    expect(gate.code).toBe(5);
    expect(gate.stderr).toMatch(/below the minimum/);

    const models = await u.run(['models', '--json']);
    expect(models.code).toBe(0);
    expect(JSON.parse(models.stdout).data.map((m: any) => [m.id, m.billing.output_multiplier_milli])).toEqual([
      ['demo-mini', 1000],
      ['demo-pro', 4000],
      ['demo-glm', 1000],
      ['demo-echo', 1000],
    ]);

    const logout = await u.run(['logout']);
    expect(logout.code).toBe(0);
    expect(JSON.parse(readFileSync(join(u.home, 'credentials.json'), 'utf8')).profiles).toEqual({});
    const after = await u.run(['auth', 'status']);
    expect(after.code).toBe(4);
    expect(after.stderr).toMatch(/not logged in.*\n.*tokencli login/);
  });

  test('piped output: a header of --json field names with their units, then raw tab-separated values; --no-header drops it', async () => {
    const u = userAt();
    const plans = await u.run(['plans', '--api-url', s.url]);
    expect(plans.stdout.split('\n').slice(0, 2)).toEqual(['id\tname\ttokens\tprice_minor\tcurrency\tvalidity_days\ttokens_per_major_unit', 'starter\tStarter pack\t400000\t100\tCNY\t30\t400000']);
    const models = await u.run(['models', '--api-url', s.url, '--no-header']);
    // The hourly multiplier (in force now, and when it changes) comes after the other fields.
    expect(models.stdout).toMatch(/^demo-mini\t8192\t1000\t1000\ttokencli-demo\t\t\ndemo-pro\t32768\t2000\t4000\ttokencli-demo\t\t\ndemo-glm\t32768\t1000\t1000\ttokencli-demo\t[23]000\t\S+Z\ndemo-echo\t32768\t1000\t1000\ttokencli-demo\t\t\n$/);
    const json = JSON.parse((await u.run(['models', '--api-url', s.url, '--json'])).stdout);
    expect(Object.keys(json.data[0])).toEqual(expect.arrayContaining(['id', 'context_length', 'owned_by']));
  });

  test('never hangs without a terminal: login and purchase fail at once naming the flag', async () => {
    const u = userAt();
    const login = await u.run(['login', '--api-url', s.url]);
    expect(login.code).toBe(2);
    expect(login.stderr).toMatch(/--with-token/);
    const before = (await api(s.url, '/v1/purchases', { key: s.key })).json.data.length;
    const purchase = await u.run(['plan', 'purchase', 'starter', '--api-url', s.url], { env: { TOKENCLI_API_KEY: s.key } });
    expect(purchase.code).toBe(2);
    expect(purchase.stderr).toMatch(/--yes/);
    expect((await api(s.url, '/v1/purchases', { key: s.key })).json.data.length).toBe(before);
  });

  test('exit codes: unreachable 3, wrong key 4, 402 5, bad flag 2', async () => {
    const u = userAt();
    const unreachable = await u.run(['balance', '--api-url', 'http://127.0.0.1:9', '--timeout', '2'], { env: { TOKENCLI_API_KEY: s.key } });
    expect(unreachable.code).toBe(3);
    expect(unreachable.stderr).toMatch(/could not reach http:\/\/127\.0\.0\.1:9/);
    const wrong = await u.run(['balance', '--api-url', s.url], { env: { TOKENCLI_API_KEY: 'tp_' + 'W'.repeat(40) } });
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).toMatch(/rejected the API key[\s\S]*tokencli login/);
    const badLogin = await u.run(['login', '--with-token', '--api-url', s.url], { input: 'tp_' + 'W'.repeat(40) });
    expect(badLogin.code).toBe(4);
    expect(badLogin.stderr).not.toContain('W'.repeat(40));
    const badFlag = await u.run(['balance', '--frobnicate']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toMatch(/unknown option '--frobnicate'/);
    expect((await u.run(['plan', 'purchase', 'starter', '--quantity', 'two', '--yes'])).code).toBe(2);
    expect((await u.run(['plan', 'purchase', 'nonesuch', '--yes', '--api-url', s.url], { env: { TOKENCLI_API_KEY: s.key } })).code).toBe(2);
  });

  test('TOKENCLI_API_KEY beats the stored key, and no key ever appears in output, even with --debug', async () => {
    const u = userAt();
    await u.run(['login', '--with-token', '--api-url', s.url], { input: s.key });
    const bogus = 'tp_' + 'Q'.repeat(40);
    const envWins = await u.run(['auth', 'status', '--json'], { env: { TOKENCLI_API_KEY: bogus } });
    expect(envWins.code).toBe(4);
    expect(JSON.parse(envWins.stdout).key.source).toBe('env');
    const debug = await u.run(['balance', '--debug', '--json']);
    expect(debug.code).toBe(0);
    expect(debug.stderr).toMatch(/\[debug\] > GET http:\/\/127\.0\.0\.1:\d+\/v1\/balance .*"authorization":"Bearer tp_…/);
    expect(debug.stderr).toMatch(/request-id=req_/);
    for (const out of [envWins, debug]) {
      for (const key of [s.key, bogus]) {
        expect(out.stdout).not.toContain(key);
        expect(out.stderr).not.toContain(key);
      }
    }
  });

  test('help: exit codes table, --version, and plain http refused for remote hosts', async () => {
    const u = userAt();
    const codes = await u.run(['help', 'exit-codes']);
    expect(codes.code).toBe(0);
    for (const c of ['0', '1', '2', '3', '4', '5', '130']) expect(codes.stdout).toMatch(new RegExp(`^\\s*${c}\\s+\\S`, 'm'));
    const bare = await u.run([]);
    expect(bare.code).toBe(0);
    expect(bare.stdout).toMatch(/^Usage: tokencli \[options\] \[command\]/);
    const version = await u.run(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: '0.1.0\n' });
    const remote = await u.run(['plans', '--api-url', 'http://tokens.example.com']);
    expect(remote.code).toBe(2);
    expect(remote.stderr).toMatch(/refusing plain http:\/\/[\s\S]*--insecure/);
  });

  test('profiles and config', async () => {
    const u = userAt();
    await u.run(['login', '--with-token', '--api-url', s.url, '--profile', 'work'], { input: s.key });
    await u.run(['login', '--with-token', '--api-url', s.url, '--profile', 'home'], { input: s.key });
    const list = JSON.parse((await u.run(['profiles', '--json'])).stdout);
    expect(list.active).toBe('home');
    expect(list.profiles.map((p: any) => p.name).sort()).toEqual(['home', 'work']);
    expect((await u.run(['profiles', 'use', 'work'])).code).toBe(0);
    expect(JSON.parse((await u.run(['profiles', '--json'])).stdout).active).toBe('work');
    expect((await u.run(['profiles', 'use', 'nope'])).code).toBe(2);
    expect((await u.run(['config', 'set', 'model', 'demo-pro'])).code).toBe(0);
    expect((await u.run(['config', 'get', 'model'])).stdout).toBe('demo-pro\n');
    expect((await u.run(['config', 'get', 'model', '--profile', 'home'])).stdout).toBe('');
    expect((await u.run(['config', 'set', 'colour', 'x'])).code).toBe(2);
  });
});
