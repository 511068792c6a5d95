/**
 * Manners for scripts (issue 13, items 1, 3, 5, 6 and 10 in part): errors as JSON under --json, a
 * `while read` loop that keeps its input, -o FILE, a mistyped profile, impossible dates, and one
 * alert for a jump past several thresholds.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { userAt } from '../helpers/cli.js';
import { ledgerRows } from '../helpers/ledger.js';
import { BIN, cleanEnv, tempDir } from '../helpers/procs.js';
import { onPty } from '../helpers/pty.js';
import { buy, startServe, type Served } from '../helpers/serve.js';

let s: Served;
beforeAll(async () => {
  s = await startServe();
  await buy(s.url, s.key);
});
afterAll(() => s.stop());

const asUser = () => userAt(undefined, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key });

describe('manners', () => {
  test('under --json an error is one document on stdout too, and the human line stays on stderr', async () => {
    const r = await asUser().run(['balance', '--json'], { env: { TOKENCLI_API_KEY: 'tp_' + 'x'.repeat(40) } });
    expect(r.code).toBe(4);
    const doc = JSON.parse(r.stdout);
    expect(doc.error).toMatchObject({ type: 'authentication_error', exit_code: 4, hint: expect.stringMatching(/sign in again with `tokencli login`, or set TOKENCLI_API_KEY/) });
    expect(doc.error.request_id).toMatch(/^req_/);
    expect(r.stderr).toMatch(/^error: the server rejected the API key/);
    const usage = await asUser().run(['usage', '--since', 'whenever', '--json']);
    expect(JSON.parse(usage.stdout).error).toMatchObject({ type: 'usage_error', exit_code: 2 });
  });

  test('-n keeps a while-read loop\'s input, and -o writes each answer to its file', async () => {
    const u = asUser();
    const dir = tempDir();
    for (const n of ['a', 'b', 'c']) writeFileSync(join(dir, `${n}.txt`), `file ${n}\n`);
    writeFileSync(join(dir, 'list'), ['a', 'b', 'c'].map((n) => join(dir, `${n}.txt`)).join('\n') + '\n');
    const script = `while read f; do "${process.execPath}" "${BIN}" run -n -m demo-mini --max-tokens 3 -f "$f" "summarise" -o "$f.out"; done < "${join(dir, 'list')}"`;
    const r = spawnSync('bash', ['-c', script], { env: cleanEnv(u.home, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key }), encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(ledgerRows(u.home)).toHaveLength(3);
    for (const n of ['a', 'b', 'c']) expect(readFileSync(join(dir, `${n}.txt.out`), 'utf8').trim().split(' ')).toHaveLength(3);
  });

  test('a mistyped --profile is exit 2 listing the profiles, and nothing is sent anywhere', async () => {
    const u = asUser();
    expect((await u.run(['login', '--with-token', '--api-url', s.url], { input: s.key })).code).toBe(0);
    const r = await u.run(['balance', '--profile', 'defualt'], { env: { TOKENCLI_API_URL: undefined } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no profile "defualt"\nprofiles: default/);
  });

  test('a date that does not exist is refused, not rolled over', async () => {
    const r = await asUser().run(['usage', '--since', '2026-13-45']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--since 2026-13-45 is not a date that exists/);
    expect((await asUser().run(['usage', '--since', '2026-02-30T10:00:00Z'])).code).toBe(2);
    expect((await asUser().run(['usage', '--since', '2026-02-28'])).code).toBe(0);
  });

  test('a run that jumps past three thresholds alerts once, naming the highest', async () => {
    const u = asUser();
    expect((await u.run(['budget', 'set', '--period', 'day', '--tokens', '36', '--warn', '25,50,75'])).code).toBe(0);
    const r = await u.run(['run', '-m', 'demo-mini', '--max-tokens', '20', 'jump']);
    expect(r.code).toBe(0);
    const alerts = r.stderr.split('\n').filter((l) => l.startsWith('!'));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/threshold 75%/);
  });
});

describe('tables on a terminal fit its width', () => {
  test.each([60, 120])('at %i columns no line is wider than the terminal and no cell wraps', async (columns) => {
    const u = asUser();
    expect((await u.run(['run', '-m', 'demo-mini', '--max-tokens', '2', 'x'])).code).toBe(0);
    for (const args of [['plans'], ['models'], ['usage', '--by', 'model'], ['balance']]) {
      const pty = onPty(args, { home: u.home, env: { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key }, columns });
      expect(await pty.exit()).toBe(0);
      const lines = pty.lines().filter((l) => l.trim());
      for (const line of lines) expect([args.join(' '), line, line.length <= columns]).toEqual([args.join(' '), line, true]);
      if (args[0] === 'plans') {
        // Two tables, packs then subscription tiers, every plan one line: nothing wrapped onto a second.
        const tiers = lines.findIndex((l) => l.startsWith('Subscriptions'));
        expect(lines[0]).toBe('Packs');
        expect(lines.slice(2, tiers).map((l) => l.split(' ')[0])).toEqual(['starter', 'basic', 'pro', 'max']);
        expect(lines.slice(tiers + 2).map((l) => l.split(' ')[0])).toEqual(['lite-monthly', 'pro-monthly', 'max-monthly']);
        // The narrow terminal loses the column of least value (the plan's long name), not the figures.
        if (columns === 120) expect(lines[1]).toMatch(/ID\s+NAME\s+TOKENS\s+PRICE\s+VALID\s+TOKENS PER ¥1/);
        else expect(lines[1]).toMatch(/^ID\s+TOKENS\s+PRICE\s+VALID/);
      }
    }
  });
});

describe('gh and llm habits', () => {
  test('auth login | switch | token | logout; profiles rename | rm; config unset; config list says where each value comes from', async () => {
    const u = userAt();
    expect((await u.run(['auth', 'login', '--with-token', '--api-url', s.url], { input: s.key + '\n' })).code).toBe(0);
    expect((await u.run(['auth', 'login', '--with-token', '--api-url', s.url, '--profile', 'work'], { input: s.key + '\n' })).code).toBe(0);
    expect((await u.run(['auth', 'switch', 'work'])).code).toBe(0);
    const token = await u.run(['auth', 'token']);
    expect(token.stdout).toBe(`${s.key}\n`);
    expect((await u.run(['profiles', 'rename', 'work', 'office'])).code).toBe(0);
    expect((await u.run(['auth', 'token'])).stdout).toBe(`${s.key}\n`);
    expect((await u.run(['config', 'set', 'model', 'demo-pro'])).code).toBe(0);
    const list = JSON.parse((await u.run(['config', 'list', '--json'], { env: { TOKENCLI_API_URL: 'http://127.0.0.1:2' } })).stdout);
    expect(list).toMatchObject({ profile: 'office', settings: { model: 'demo-pro', api_url: 'http://127.0.0.1:2' }, sources: { model: 'profile', api_url: 'env', tz: 'default' } });
    expect((await u.run(['config', 'unset', 'model'])).code).toBe(0);
    expect(JSON.parse((await u.run(['config', 'list', '--json'])).stdout).sources).toMatchObject({ model: 'default', api_url: 'profile' });
    expect((await u.run(['auth', 'logout'])).code).toBe(0);
    expect((await u.run(['auth', 'token'])).code).toBe(4);
    expect((await u.run(['profiles', 'rm', 'office'])).code).toBe(0);
    expect(JSON.parse((await u.run(['profiles', '--json'])).stdout).profiles.map((p: any) => p.name)).toEqual(['default']);
  });

  test('subcommand help lists the global flags', async () => {
    const help = await userAt().run(['budget', 'set', '--help']);
    expect(help.stdout).toMatch(/Global Options:[\s\S]*--profile <name>[\s\S]*--json/);
  });

  test('--dry-run needs no key, and warns when the prompt cannot fit the model', async () => {
    const u = userAt(undefined, { TOKENCLI_API_URL: s.url });
    const r = await u.run(['run', '--dry-run', '-m', 'demo-mini', '--max-tokens', '9000', 'x']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/needs 9,0\d\d tokens of context but demo-mini has 8,192/);
  });
});
