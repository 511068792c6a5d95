/**
 * An answer of several history parts (PART_BYTES each), streamed by a scripted server: the history
 * keeps it byte for byte (`logs show`, `logs --last`), finds words of its first and last part,
 * sends it back whole with `run -c`, and keeps what arrived of one interrupted mid-stream.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { PART_BYTES } from '../../src/ledger/history-writer.js';
import { userAt } from '../helpers/cli.js';
import { ledgerRows } from '../helpers/ledger.js';
import { BIN, cleanEnv, exited, track } from '../helpers/procs.js';
import { scriptedServer, sseChunk, type ScriptedServer } from '../helpers/scripted-server.js';

/** About `bytes` of answer: lines of words with two-, three- and four-byte characters, a marker word at each end. */
function longAnswer(bytes: number, first: string, last: string): string {
  const words = ['plan', 'token', 'café', '日本語', 'meter', '🙂ok', 'river', 'stone', 'naïve'];
  const lines = [`${first} begins`];
  for (let i = 0, size = 0; size < bytes; i++) {
    const line = Array.from({ length: 9 }, (_, j) => words[(i * 7 + j) % words.length]).join(' ');
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return `${lines.join('\n')}\nends with ${last}`;
}

/** The answer as an event stream of deltas of 40 characters (whole characters, as a model sends them). */
function deltas(text: string): string[] {
  const chars = Array.from(text);
  return Array.from({ length: Math.ceil(chars.length / 40) }, (_, i) => sseChunk(chars.slice(i * 40, i * 40 + 40).join('')));
}

const answer = longAnswer(2.5 * PART_BYTES, 'aardvark', 'zebra');
/** What the server sends before it stalls: the first half of the answer's characters. */
const half = Array.from(answer)
  .slice(0, Array.from(answer).length / 2)
  .join('');
const requests: any[] = [];
let server: ScriptedServer;
beforeAll(async () => {
  server = await scriptedServer(
    (res, body) => {
      requests.push(body);
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const events = body.messages.at(-1).content === 'stall' ? deltas(half) : [...deltas(answer), sseChunk(null, 'stop'), 'data: [DONE]\n\n'];
      for (let i = 0; i < events.length; i += 500) res.write(events.slice(i, i + 500).join(''));
      if (body.messages.at(-1).content !== 'stall') res.end();
    },
    { contextLength: 10_000_000 },
  );
});
afterAll(() => server.close());

const asUser = () => userAt(undefined, { TOKENCLI_API_URL: server.url, TOKENCLI_API_KEY: 'sk-test' });
const partsOf = (home: string, runId: string) => {
  const db = new Database(join(home, 'ledger.db'), { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM run_content WHERE run_id = ?').pluck().get(runId) as number;
  } finally {
    db.close();
  }
};

test('a long answer: shown byte for byte, found by words of its first and last part, sent back whole by run -c', async () => {
  const u = asUser();
  const run = await u.run(['run', '-m', 'm', 'tell me everything']);
  expect(run.code).toBe(0);
  expect(run.stdout).toBe(`${answer}\n`);
  const [row] = ledgerRows(u.home);
  expect(partsOf(u.home, row.id)).toBe(3);

  expect((await u.run(['logs', '--last'])).stdout).toBe(`${answer}\n`);
  const shown = await u.run(['logs', 'show', row.id]);
  expect(shown.stdout.endsWith(`\nanswer\n${answer}\n`)).toBe(true);
  expect(JSON.parse((await u.run(['logs', 'show', row.id, '--json'])).stdout).answer).toBe(answer);
  for (const words of ['aardvark', 'zebra', 'aardvark zebra', 'everything zebra']) {
    expect(JSON.parse((await u.run(['logs', '--search', words, '--json'])).stdout).runs.map((r: any) => r.id)).toEqual([row.id]);
  }
  expect(JSON.parse((await u.run(['logs', '--search', 'aardvark absent', '--json'])).stdout).runs).toEqual([]);

  expect((await u.run(['run', '-m', 'm', '-c', 'and then?'])).code).toBe(0);
  expect(requests.at(-1).messages).toEqual([
    { role: 'user', content: 'tell me everything' },
    { role: 'assistant', content: answer },
    { role: 'user', content: 'and then?' },
  ]);
});

test('interrupted after more than a part has arrived: the history keeps exactly what was printed', async () => {
  const u = asUser();
  const child = track(spawn(process.execPath, [BIN, 'run', '-m', 'm', 'stall'], { env: cleanEnv(u.home, { TOKENCLI_API_URL: server.url, TOKENCLI_API_KEY: 'sk-test' }), stdio: ['ignore', 'pipe', 'pipe'] }));
  let stdout = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  while (stdout.length < half.length) await new Promise((r) => setTimeout(r, 20));
  child.kill('SIGINT');
  expect((await exited(child)).code).toBe(130);
  expect(stdout).toBe(`${half}\n`);
  const [row] = ledgerRows(u.home);
  expect(row.status).toBe('interrupted');
  expect(partsOf(u.home, row.id)).toBe(2);
  expect((await u.run(['logs', '--last'])).stdout).toBe(stdout);
  expect(JSON.parse((await u.run(['logs', '--search', 'aardvark', '--json'])).stdout).runs.map((r: any) => r.id)).toEqual([row.id]);
});
