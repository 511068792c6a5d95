/**
 * `tokencli run` as a user runs it, against a real server: what reaches stdout and stderr, exit
 * codes, the server's own billing and the local ledger.
 */
import { spawn } from 'node:child_process';
import type { ServerResponse } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoPieces } from '../../src/server/backends/demo.js';
import type { ChatMessage } from '../../src/shared/wire.js';
import { userAt } from '../helpers/cli.js';
import { ledgerRows } from '../helpers/ledger.js';
import { BIN, cleanEnv, exited, tempDir, track } from '../helpers/procs.js';
import { scriptedServer, sseChunk } from '../helpers/scripted-server.js';
import { api, buy, startServe, type Served } from '../helpers/serve.js';

let s: Served;
let slow: Served;
beforeAll(async () => {
  [s, slow] = await Promise.all([startServe(), startServe(['--demo-delay-ms', '30'])]);
  await Promise.all([buy(s.url, s.key), buy(slow.url, slow.key)]);
});
afterAll(() => Promise.all([s.stop(), slow.stop()]));

const asUser = (server: Served) => userAt(undefined, { TOKENCLI_API_URL: server.url, TOKENCLI_API_KEY: server.key });
const usageRows = async (server: Served) => (await api(server.url, '/v1/usage?group_by=model', { key: server.key })).json.data;
const answerFor = (messages: ChatMessage[], max: number) => demoPieces(messages, max).join('');

describe('tokencli run', () => {
  test('piped prompt: only the answer on stdout, the usage line on stderr, one ok ledger row equal to the server', async () => {
    const u = asUser(s);
    const r = await u.run(['run', '-m', 'demo-mini', '--usage'], { input: 'hi\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('This is a demo answer from the token plan server.\n');
    expect(r.stderr).toMatch(/^8 in · 11 out · 19 plan tokens · [\d.]+s · first token \d+ms · [\d,]+ left\n$/);
    const rows = ledgerRows(u.home);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'ok', source: 'server', model: 'demo-mini', prompt_tokens: 8, completion_tokens: 11, billed_tokens: 19, profile: 'default', provider: 'tokenplan' });
    expect(rows[0].ttft_ms).toBeGreaterThanOrEqual(0);
    const quiet = await u.run(['run', '-m', 'demo-mini', 'hi']);
    expect(quiet.stderr).toBe('');
  });

  test('prompt assembly: stdin, then files, then arguments, with the system prompt first', async () => {
    const u = asUser(s);
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'file A\n');
    const r = await u.run(['run', '-m', 'demo-mini', '--max-tokens', '12', '-s', 'be brief', '-f', join(dir, 'a.txt'), 'review', 'this'], { input: 'diff --git\n' });
    expect(r.code).toBe(0);
    const messages: ChatMessage[] = [
      { role: 'system', content: 'be brief' },
      { role: 'user', content: `diff --git\n\n${join(dir, 'a.txt')}:\nfile A\n\nreview this` },
    ];
    expect(r.stdout).toBe(answerFor(messages, 12) + '\n');
    const missing = await u.run(['run', '-m', 'demo-mini', '-f', join(dir, 'nope.txt'), 'x']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot use --file .*nope\.txt: no such file\n$/);
  });

  test('--max-tokens is exact, --json is one document, --no-stream gives the same answer', async () => {
    const u = asUser(s);
    const json = await u.run(['run', '-m', 'demo-pro', '--max-tokens', '25', '--json', 'count'], {});
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout);
    expect(Object.keys(doc).sort()).toEqual(['content', 'conversation_id', 'duration_ms', 'finish_reason', 'id', 'model', 'source', 'status', 'ttft_ms', 'usage']);
    expect(doc).toMatchObject({ model: 'demo-pro', finish_reason: 'length', status: 'ok', source: 'server' });
    expect(doc.usage.completion_tokens).toBe(25);
    expect(doc.usage.billing.billed_tokens).toBe(doc.usage.prompt_tokens * 2 + 25 * 4);
    expect(doc.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ledgerRows(u.home)[0].id).toBe(doc.id);
    const plain = await u.run(['run', '-m', 'demo-pro', '--max-tokens', '25', '--no-stream', 'count']);
    expect(plain.stdout).toBe(doc.content + '\n');
  });

  test('--dry-run estimates without any chat request reaching the server', async () => {
    const u = asUser(s);
    const before = await usageRows(s);
    const r = await u.run(['run', '--dry-run', '--json', '-m', 'demo-pro', '--max-tokens', '100', 'how much?']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ model: 'demo-pro', prompt_tokens: 10, max_tokens: 100, plan_tokens: { min: 20, max: 420 }, estimate: true });
    expect(await usageRows(s)).toEqual(before);
    expect(ledgerRows(u.home)).toHaveLength(0);
  });

  test('no prompt at all is exit 2 at once; no model is exit 2', async () => {
    const u = asUser(s);
    const none = await u.run(['run', '-m', 'demo-mini']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no prompt/);
    const noModel = await u.run(['run', 'hi']);
    expect(noModel.code).toBe(2);
    expect(noModel.stderr).toMatch(/config set model/);
    await u.run(['config', 'set', 'model', 'demo-mini', '--api-url', s.url]);
    expect((await u.run(['run', 'hi'])).code).toBe(0);
  });

  test('402 exits 5 with a hint to buy; 401 exits 4 with a hint to log in', async () => {
    const broke = await startServe();
    const u = asUser(broke);
    const poor = await u.run(['run', '-m', 'demo-mini', 'hi']);
    expect(poor.code).toBe(5);
    expect(poor.stderr).toMatch(/no plan tokens available[\s\S]*tokencli plans/);
    expect(ledgerRows(u.home)[0]).toMatchObject({ status: 'error', billed_tokens: 0 });
    const wrong = await u.run(['run', '-m', 'demo-mini', 'hi'], { env: { TOKENCLI_API_KEY: 'tp_' + 'k'.repeat(40) } });
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).toMatch(/tokencli login/);
    await broke.stop();
  });

  test('Ctrl-C mid-stream: partial text kept, exit 130, one interrupted row, the server billed the partial run', async () => {
    const u = asUser(slow);
    const child = track(spawn(process.execPath, [BIN, 'run', '-m', 'demo-mini', '--max-tokens', '500', 'long story'], { env: cleanEnv(u.home, { TOKENCLI_API_URL: slow.url, TOKENCLI_API_KEY: slow.key }), stdio: ['ignore', 'pipe', 'pipe'] }));
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    while (stdout.split(' ').length < 6) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const { code } = await exited(child);
    expect(code).toBe(130);
    expect(stdout.endsWith('\n')).toBe(true);
    const words = stdout.trim().split(' ').length;
    expect(words).toBeGreaterThanOrEqual(5);
    expect(words).toBeLessThan(500);
    expect(stderr).toMatch(/interrupted: the partial answer is recorded/);
    expect(stderr).not.toMatch(/at .*\.js:\d+/);
    const rows = ledgerRows(u.home);
    expect(rows).toHaveLength(1);
    // Settled from the server's own record before the command exited, when the server had settled it
    // by then; otherwise the local count, settled by a later command.
    expect(rows[0]).toMatchObject({ status: 'interrupted', prompt_tokens: 9 });
    expect(rows[0].completion_tokens).toBeGreaterThanOrEqual(words);
    let server: any;
    for (let i = 0; i < 50 && !server; i++) {
      server = (await usageRows(slow)).find((r: any) => r.key === 'demo-mini');
      if (!server) await new Promise((r) => setTimeout(r, 20));
    }
    expect(server.completion_tokens).toBeGreaterThanOrEqual(words);
    expect(server.completion_tokens).toBeLessThan(500);
    expect(server.billed_tokens).toBe(server.prompt_tokens + server.completion_tokens);
    if (rows[0].source === 'server') expect(rows[0].billed_tokens).toBe(server.billed_tokens);
  });

  test('a closed stdout (| head -c 20) ends quietly with exit 0 and records the run', async () => {
    const u = asUser(slow);
    const env = cleanEnv(u.home, { TOKENCLI_API_URL: slow.url, TOKENCLI_API_KEY: slow.key });
    const shell = track(spawn('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" run -m demo-mini --max-tokens 300 story | head -c 20; echo " rc=\${PIPESTATUS[0]}" >&2`], { env, stdio: ['ignore', 'pipe', 'pipe'] }));
    let stdout = '';
    let stderr = '';
    shell.stdout!.on('data', (d) => (stdout += d));
    shell.stderr!.on('data', (d) => (stderr += d));
    await exited(shell);
    expect(stdout).toHaveLength(20);
    expect(stderr.trim()).toBe('rc=0');
    expect(ledgerRows(u.home)[0]).toMatchObject({ status: 'interrupted' });
  });

  test('a server killed mid-stream gives a clear one-line error, exit 3, and an error row', async () => {
    const doomed = await startServe(['--demo-delay-ms', '30']);
    await buy(doomed.url, doomed.key);
    const u = asUser(doomed);
    const child = track(spawn(process.execPath, [BIN, 'run', '-m', 'demo-mini', '--max-tokens', '500', 'x'], { env: cleanEnv(u.home, { TOKENCLI_API_URL: doomed.url, TOKENCLI_API_KEY: doomed.key }), stdio: ['ignore', 'pipe', 'pipe'] }));
    const r = { stdout: '', stderr: '', code: null as number | null };
    child.stdout!.on('data', (d) => (r.stdout += d));
    child.stderr!.on('data', (d) => (r.stderr += d));
    // Kill the server once the answer is under way, however loaded the machine is.
    while (r.stdout.split(' ').length < 4) await new Promise((res) => setTimeout(res, 20));
    doomed.proc.kill('SIGKILL');
    r.code = (await exited(child)).code;
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^error: the stream broke before it finished/);
    expect(r.stderr.split('\n').filter(Boolean).length).toBeLessThanOrEqual(2);
    expect(r.stdout.length).toBeGreaterThan(0);
    expect(ledgerRows(u.home)[0]).toMatchObject({ status: 'error', source: 'estimate' });
  });

  test('a stream that stalls past the idle timeout ends with exit 3', async () => {
    const stall = await startServe(['--demo-delay-ms', '4000']);
    await buy(stall.url, stall.key);
    const r = await asUser(stall).run(['run', '-m', 'demo-mini', '--max-tokens', '3', '--timeout', '1', 'x']);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/stalled/);
    await stall.stop('SIGKILL');
  });

  test('8 runs in parallel against one ledger: 8 rows, no lock errors', async () => {
    const u = asUser(s);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => u.run(['run', '-m', 'demo-mini', `parallel ${i}`])));
    for (const r of results) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/locked|busy/i);
    }
    const rows = ledgerRows(u.home);
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((r) => r.id)).size).toBe(8);
  });
});

describe('memory', () => {
  // What the bench's peak-RSS rows stand on (src/cli/young-generation.ts). Start-up takes V8's
  // young generation from 1 MiB to 2 (Node 20) or 4 (Node 24) before `run` fixes its size; a long
  // stream of small events without the setting takes it to 16 MiB and more, three semi-spaces of
  // which were memory that grew with the answer.
  test('a long streamed answer does not grow the young generation', async () => {
    const events = Array.from({ length: 200_000 }, (_, i) => sseChunk(`w${i % 10} `));
    const long = await scriptedServer(
      (res) => {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        for (let i = 0; i < events.length; i += 2_000) res.write(events.slice(i, i + 2_000).join(''));
        res.end(sseChunk(null, 'stop') + 'data: [DONE]\n\n');
      },
      { contextLength: 10_000_000 },
    );
    try {
      const preload = fileURLToPath(new URL('../helpers/new-space.cjs', import.meta.url));
      const file = join(tempDir(), 'new-space');
      const r = await userAt(undefined, { TOKENCLI_API_URL: long.url, TOKENCLI_API_KEY: 'sk-test' }).run(['run', '-m', 'm', '--max-tokens', '300000', 'grow'], {
        env: { NODE_OPTIONS: `--require=${preload}`, TOKENCLI_TEST_NEW_SPACE: file },
      });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.length).toBe(200_000 * 3 + 1);
      expect(Number(readFileSync(file, 'utf8'))).toBeLessThan(8 * 1024 * 1024);
    } finally {
      long.close();
    }
  });

  // When the client is behind, many network reads come in one event-loop turn. Their text held for
  // that turn's end outlived the young collections and was promoted: the old generation grew with
  // the answer until a full collection (a 10 MB answer promoted ~10 MB, now ~2). Each read is
  // written at once.
  test('a long answer read faster than it prints promotes no more than a short one', async () => {
    // The bench's upstream: small events, 64 to a write, as fast as the socket takes them, then the
    // usage (an answer without it is counted locally, by a tokenizer with memory of its own).
    const event = (i: number) => `data: {"choices":[{"index":0,"delta":{"content":" w${i % 10}"},"finish_reason":null}]}\n\n`;
    const batch = Array.from({ length: 64 }, (_, i) => event(i)).join('');
    const answer = (n: number) => async (res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      for (let i = 0; i < n; i += 64) if (!res.write(batch)) await new Promise((r) => res.once('drain', r));
      res.end(sseChunk(null, 'stop', { usage: { prompt_tokens: 1, completion_tokens: n, total_tokens: n + 1 } }) + 'data: [DONE]\n\n');
    };
    const preload = fileURLToPath(new URL('../helpers/promoted.cjs', import.meta.url));
    const promotedBy = async (n: number) => {
      const server = await scriptedServer(answer(n), { contextLength: 10_000_000 });
      try {
        const file = join(tempDir(), 'promoted');
        const r = await userAt(undefined, { TOKENCLI_API_URL: server.url, TOKENCLI_API_KEY: 'sk-test' }).run(['run', '-m', 'm', '--max-tokens', '2000000', 'grow'], {
          env: { NODE_OPTIONS: `--require=${preload}`, TOKENCLI_TEST_PROMOTED: file },
        });
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout.length).toBe(n * 3 + 1);
        return Number(readFileSync(file, 'utf8'));
      } finally {
        await server.close();
      }
    };
    const short = await promotedBy(64);
    const long = await promotedBy(1_280_000);
    expect(long - short).toBeLessThan(1.5 * 1024 * 1024);
  });
});
