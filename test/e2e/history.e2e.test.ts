/**
 * The history beside the ledger (issue 17, parts 1 and 2): what was asked and answered with what it
 * cost, searched, shown, re-printed and deleted; conversations continued with -c and --cid, each
 * turn its own ledger row, old turns dropped to fit the context. Against a real server.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { userAt } from '../helpers/cli.js';
import { ledgerRows } from '../helpers/ledger.js';
import { tempDir } from '../helpers/procs.js';
import { KEY, onPty } from '../helpers/pty.js';
import { scriptedServer, sse, sseChunk, type ScriptedServer } from '../helpers/scripted-server.js';
import { buy, startServe, type Served } from '../helpers/serve.js';

let s: Served;
beforeAll(async () => {
  s = await startServe();
  await buy(s.url, s.key, 'pro');
});
afterAll(() => s.stop());

const asUser = () => userAt(undefined, { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key });

describe('history', () => {
  test('logs lists runs with cost and preview; show is the whole exchange; --search finds words; --last prints again; rm keeps the counts', async () => {
    const u = asUser();
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'the kiwi ledger\n');
    expect((await u.run(['run', '-m', 'demo-mini', '--max-tokens', '5', '-s', 'be brief', '-f', join(dir, 'notes.txt'), 'summarise the pineapple'])).code).toBe(0);
    const second = await u.run(['run', '-m', 'demo-pro', '--max-tokens', '3', '--json', 'hello mango']);
    const doc = JSON.parse(second.stdout);

    const list = JSON.parse((await u.run(['logs', '--json'])).stdout).runs;
    expect(list.map((r: any) => r.prompt)).toEqual(['hello mango', expect.stringContaining('summarise the pineapple')]);
    expect(list[0]).toMatchObject({ id: doc.id, model: 'demo-pro', answer: doc.content, billed_tokens: doc.usage.billing.billed_tokens, conversation_id: doc.conversation_id });
    expect(list[1]).toMatchObject({ system: 'be brief', files: [{ path: join(dir, 'notes.txt'), bytes: 16, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }] });

    const found = JSON.parse((await u.run(['logs', '--search', 'pineapple', '--json'])).stdout).runs;
    expect(found).toHaveLength(1);
    expect(found[0].prompt).toContain('kiwi ledger');
    expect(JSON.parse((await u.run(['logs', '--search', 'AND "', '--json'])).stdout).runs).toEqual([]);

    const show = await u.run(['logs', 'show', doc.id.slice(0, 6)]);
    expect(show.stdout).toContain('hello mango');
    expect(show.stdout).toContain(doc.content);
    expect((await u.run(['logs', '--last'])).stdout).toBe(`${doc.content}\n`);

    const before = ledgerRows(u.home).reduce((n, r) => n + r.billed_tokens, 0);
    expect((await u.run(['logs', 'rm', '--all'])).code).toBe(0);
    expect(JSON.parse((await u.run(['logs', '--json'])).stdout).runs.every((r: any) => r.prompt === null)).toBe(true);
    expect(ledgerRows(u.home).reduce((n, r) => n + r.billed_tokens, 0)).toBe(before);
  });

  test('logs rm ID: one run, several, an unknown id (nothing deleted), ids with --all refused; search and show see the deletion', async () => {
    const u = asUser();
    for (const fruit of ['apple', 'banana', 'cherry', 'damson']) expect((await u.run(['run', '-m', 'demo-mini', '--max-tokens', '2', `fruit ${fruit}`])).code).toBe(0);
    const list = async () => JSON.parse((await u.run(['logs', '--json'])).stdout).runs as { id: string; prompt: string | null }[];
    const [damson, cherry, banana, apple] = (await list()).map((r) => r.id) as [string, string, string, string];
    const billed = () => ledgerRows(u.home).reduce((n, r) => n + r.billed_tokens, 0);
    const before = billed();

    const one = await u.run(['logs', 'rm', cherry.slice(0, 8)]);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stderr).toBe('✓ Deleted the prompt and answer of 1 run; their counts stay\n');
    expect((await list()).map((r) => r.prompt)).toEqual(['fruit damson', null, 'fruit banana', 'fruit apple']);
    // A deleted run is in no search (it was in every search that matched anything), and show says why it has no text.
    expect(JSON.parse((await u.run(['logs', '--search', 'fruit', '--json'])).stdout).runs.map((r: { id: string }) => r.id)).toEqual([damson, banana, apple]);
    expect((await u.run(['logs', '--search', 'cherry'])).stderr).toContain('no run in the history matches "cherry"');
    expect((await u.run(['logs', 'show', cherry])).stdout).toContain('(not kept: history was off, or deleted with `tokencli logs rm`)');

    const unknown = await u.run(['logs', 'rm', banana, 'ffffffff']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe('error: no run "ffffffff" in the ledger\n');
    expect((await list()).map((r) => r.prompt)).toEqual(['fruit damson', null, 'fruit banana', 'fruit apple']);

    const both = await u.run(['logs', 'rm', banana, '--all']);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('error: give run ids or --all, not both\n');
    expect((await list()).filter((r) => r.prompt !== null)).toHaveLength(3);

    const several = await u.run(['logs', 'rm', banana, apple, '--json']);
    expect(several.code).toBe(0);
    expect(JSON.parse(several.stdout)).toEqual({ removed: 2 });
    expect((await list()).map((r) => r.prompt)).toEqual(['fruit damson', null, null, null]);
    // Deleting again is harmless: nothing left to delete.
    expect(JSON.parse((await u.run(['logs', 'rm', apple, '--json'])).stdout)).toEqual({ removed: 0 });
    expect(billed()).toBe(before);
    expect(ledgerRows(u.home)).toHaveLength(4);
  });

  test('logs and logs --search on a terminal show stored control sequences (clear screen, OSC 52 clipboard) as run does; piped, as stored', async () => {
    const u = asUser();
    const hostile = 'before\x1b[2J\x1b[Hafter \x1b]52;c;aGFja2Vk\x07 osc52';
    expect((await u.run(['run', '-m', 'demo-echo', hostile])).code).toBe(0);
    for (const args of [['logs', '-n', '30'], ['logs', '--search', 'osc52'], ['logs', '--last'], ['logs', 'show', (await u.run(['logs', '--json'])).stdout.match(/"id": "([^"]+)"/)![1]!]]) {
      const pty = onPty(args, { home: u.home, columns: 200, env: { TOKENCLI_API_URL: s.url, TOKENCLI_API_KEY: s.key } });
      expect(await pty.exit()).toBe(0);
      expect(pty.raw(), args.join(' ')).not.toContain('\x1b[2J');
      expect(pty.raw(), args.join(' ')).not.toContain('\x1b]52');
      expect(pty.raw(), args.join(' ')).toContain('before^[[2J^[[Hafter ^[]52;c;aGFja2Vk^G osc52');
    }
    expect((await u.run(['logs', '--search', 'osc52'])).stdout).toContain(hostile);
  });

  test('with history off, counts are recorded and nothing of the content', async () => {
    const u = asUser();
    expect((await u.run(['config', 'set', 'history', 'off'])).code).toBe(0);
    expect((await u.run(['run', '-m', 'demo-mini', '--max-tokens', '2', 'a private question'])).code).toBe(0);
    expect(ledgerRows(u.home)).toHaveLength(1);
    const [run] = JSON.parse((await u.run(['logs', '--json'])).stdout).runs;
    expect(run).toMatchObject({ prompt: null, answer: null });
    expect((await u.run(['run', '-c', '-m', 'demo-mini', 'x'])).code).toBe(2);
  });
});

describe('conversations', () => {
  let echo: ScriptedServer;
  const seen: any[] = [];
  beforeAll(async () => {
    // Answers with the number of messages it was sent, and keeps them for the test to read.
    echo = await scriptedServer((res, body) => {
      seen.push(body.messages);
      sse(res, [sseChunk(`turn with ${body.messages.length} messages`, 'stop'), `data: ${JSON.stringify({ choices: [], usage: { prompt_tokens: 10, completion_tokens: 4 } })}\n\n`, 'data: [DONE]\n\n']);
    });
  });
  afterAll(() => echo.close());

  test('-c sends the earlier turns again, --cid picks a conversation, each turn is its own row', async () => {
    const u = userAt(undefined, { TOKENCLI_API_URL: echo.url, TOKENCLI_API_KEY: 'tp_' + 'c'.repeat(40) });
    const first = JSON.parse((await u.run(['run', '--json', '-m', 'm', '-s', 'you are terse', 'first question'])).stdout);
    expect((await u.run(['run', '-c', '-m', 'm', 'second question'])).code).toBe(0);
    expect(seen.at(-1)).toEqual([
      { role: 'system', content: 'you are terse' },
      { role: 'user', content: 'first question' },
      { role: 'assistant', content: 'turn with 2 messages' },
      { role: 'user', content: 'second question' },
    ]);
    expect((await u.run(['run', '-m', 'm', 'a new topic'])).code).toBe(0);
    expect(seen.at(-1)).toHaveLength(1);
    expect((await u.run(['run', '--cid', first.conversation_id, '-m', 'm', 'third question'])).code).toBe(0);
    expect(seen.at(-1)).toHaveLength(6);
    expect(ledgerRows(u.home)).toHaveLength(4);
    expect((await u.run(['run', '--cid', 'no-such-conversation', '-m', 'm', 'x'])).code).toBe(2);
  });

  test('older turns are dropped, with a note, when the conversation would not fit the model context', async () => {
    const u = userAt(undefined, { TOKENCLI_API_URL: echo.url, TOKENCLI_API_KEY: 'tp_' + 'c'.repeat(40) });
    // The scripted model has a context of 1,000 tokens: three turns of ~300 words cannot all fit.
    const long = 'word '.repeat(300);
    expect((await u.run(['run', '-m', 'm', `one ${long}`])).code).toBe(0);
    expect((await u.run(['run', '-c', '-m', 'm', `two ${long}`])).code).toBe(0);
    const third = await u.run(['run', '-c', '-m', 'm', '--max-tokens', '100', `three ${long}`]);
    expect(third.code).toBe(0);
    expect(third.stderr).toMatch(/dropped the \d+ oldest turns? of the conversation to fit m's context/);
    expect(seen.at(-1)[0].content.startsWith('one')).toBe(false);
    expect(seen.at(-1).at(-1).content.startsWith('three')).toBe(true);
  });
});

describe('templates and aliases', () => {
  test('a template fills $input and -p parameters, brings its system prompt and model, and is a YAML file a person can edit', async () => {
    const u = asUser();
    expect((await u.run(['template', 'set', 'review', '--system', 'You review tersely', '--prompt', 'Review this $lang:\n\n$input', '--model', 'demo-pro', '--max-tokens', '4'])).code).toBe(0);
    const r = await u.run(['run', '--json', '-t', 'review', '-p', 'lang=TypeScript'], { input: 'const x = 1' });
    expect(r.code, r.stderr).toBe(0);
    const [logged] = JSON.parse((await u.run(['logs', '--json'])).stdout).runs;
    expect(logged).toMatchObject({ model: 'demo-pro', system: 'You review tersely', prompt: 'Review this TypeScript:\n\nconst x = 1', completion_tokens: 4 });
    const missing = await u.run(['run', '-t', 'review', 'x']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/the template needs \$lang\ngive -p lang=\.\.\./);
    expect(JSON.parse((await u.run(['template', '--json'])).stdout).templates.map((t: any) => t.name)).toEqual(['review']);
    expect((await u.run(['template', 'rm', 'review'])).code).toBe(0);
    expect((await u.run(['run', '-t', 'review', 'x'])).code).toBe(2);
  });

  test('an alias stands for its model in run, is listed, completed, and removed', async () => {
    const u = asUser();
    expect((await u.run(['alias', 'set', 'fast', 'demo-mini'])).code).toBe(0);
    const r = await u.run(['run', '--json', '-m', 'fast', '--max-tokens', '2', 'hi']);
    expect(JSON.parse(r.stdout).model).toBe('demo-mini');
    expect((await u.run(['__complete', 'models'])).stdout).toContain('fast\n');
    expect((await u.run(['alias', '--no-header'])).stdout).toBe('fast\tdemo-mini\n');
    expect((await u.run(['alias', 'rm', 'fast'])).code).toBe(0);
    expect((await u.run(['run', '-m', 'fast', 'hi'])).code).toBe(2);
  });
});

describe('chat', () => {
  test('at a terminal: a question, Ctrl-C mid-answer keeps the session, a second question continues the conversation, Ctrl-D leaves', async () => {
    const slow = await startServe(['--demo-delay-ms', '150']);
    await buy(slow.url, slow.key);
    try {
      const u = userAt(undefined, { TOKENCLI_API_URL: slow.url, TOKENCLI_API_KEY: slow.key });
      const pty = onPty(['chat', '-m', 'demo-mini', '--max-tokens', '60'], { home: u.home, env: { TOKENCLI_API_URL: slow.url, TOKENCLI_API_KEY: slow.key } });
      await pty.waitFor(/Ctrl-D leaves/);
      pty.type('tell me a long story' + KEY.enter);
      await pty.waitFor(/Asking demo-mini\s*[a-z]+ [a-z]+ [a-z]+/);
      pty.type(KEY.ctrlC);
      await pty.waitFor(/interrupted: the partial answer is recorded/);
      pty.type('and then?' + KEY.enter);
      await pty.waitFor(/plan tokens[\s\S]*plan tokens/, 30_000);
      pty.type('\x04');
      expect(await pty.exit()).toBe(0);
      const rows = ledgerRows(u.home);
      expect(rows.map((r) => r.status).sort()).toEqual(['interrupted', 'ok']);
      const runs = JSON.parse((await u.run(['logs', '--json'])).stdout).runs;
      expect(new Set(runs.map((r: any) => r.conversation_id)).size).toBe(1);
    } finally {
      await slow.stop();
    }
  });

  test('without a terminal it refuses, pointing at run -c', async () => {
    const r = await asUser().run(['chat', '-m', 'demo-mini']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/chat needs a terminal\n.*run -c/);
  });
});
