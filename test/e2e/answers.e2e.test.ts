/**
 * Whole or flagged: every shape of answer a real server or proxy sends ends in a true exit code
 * and a true ledger row (issue 10, item 4), against scripted servers on 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { userAt } from '../helpers/cli.js';
import { ledgerRows } from '../helpers/ledger.js';
import { onPty } from '../helpers/pty.js';
import { scriptedServer, sse, sseChunk, type ScriptedServer } from '../helpers/scripted-server.js';

let srv: ScriptedServer;
beforeAll(async () => {
  srv = await scriptedServer((res) => sse(res, [sseChunk('ok', 'stop'), 'data: [DONE]\n\n']));
});
afterAll(() => srv.close());

const KEY = 'tp_' + 'a'.repeat(40);
const user = () => userAt(undefined, { TOKENCLI_API_URL: srv.url, TOKENCLI_API_KEY: KEY });

describe('answers are whole or flagged', () => {
  test('a stream cut cleanly without a finish reason or [DONE]: the text is printed, exit 3, recorded as truncated', async () => {
    srv.chat = (res) => sse(res, [sseChunk('Half of '), sseChunk('an answer')]);
    const u = user();
    const r = await u.run(['run', '-m', 'm', 'go']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('Half of an answer\n');
    expect(r.stderr).toMatch(/^error: the answer is incomplete: the stream ended early/);
    expect(ledgerRows(u.home)).toMatchObject([{ status: 'truncated', source: 'estimate' }]);
    expect(ledgerRows(u.home)[0].completion_tokens).toBeGreaterThan(0);
  });

  test('a chat.completion JSON answer to a streaming request is printed, exit 0, with its usage', async () => {
    srv.chat = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ object: 'chat.completion', choices: [{ message: { content: 'whole answer' }, finish_reason: 'stop' }], usage: { prompt_tokens: 7, completion_tokens: 2 } }));
    };
    const u = user();
    const r = await u.run(['run', '-m', 'm', 'go']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('whole answer\n');
    expect(ledgerRows(u.home)).toMatchObject([{ status: 'ok', source: 'server', prompt_tokens: 7, completion_tokens: 2, billed_tokens: 9 }]);
  });

  test.each([
    ['HTML from a proxy', 'text/html', '<html><body>502 Bad Gateway</body></html>', /expected an event stream, got "text\/html"/],
    ['an empty 200', 'text/event-stream', '', /ended before any event/],
    ['JSON null', 'application/json', 'null', /unexpected answer/],
    ['truncated JSON', 'application/json', '{"choices": [{"mess', /unexpected answer/],
  ])('%s is a malformed answer: exit 1, nothing on stdout, an error row counted at the prompt until the server settles it', async (_, type, body, message) => {
    srv.chat = (res) => {
      res.writeHead(200, { 'content-type': type });
      res.end(body);
    };
    const u = user();
    const r = await u.run(['run', '-m', 'm', 'go']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    // The request reached a server, which may have billed the prompt: never counted as zero.
    const [row] = ledgerRows(u.home);
    expect(row).toMatchObject({ status: 'error', source: 'estimate', completion_tokens: 0 });
    expect(row.billed_tokens).toBeGreaterThan(0);
  });

  test('the message of an error event inside the stream is kept', async () => {
    srv.chat = (res) => sse(res, [sseChunk('partial '), 'event: error\ndata: {"message":"upstream model overloaded (code 529)"}\n\n']);
    const r = await user().run(['run', '-m', 'm', 'go']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/upstream model overloaded \(code 529\)/);
  });

  test('--no-stream accepts an answer without index or role, as the official SDKs do', async () => {
    srv.chat = (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'x', choices: [{ message: { content: 'fine' }, finish_reason: 'stop' }], usage: { prompt_tokens: 5, completion_tokens: 1, total_tokens: 6 } }));
    };
    const r = await user().run(['run', '--no-stream', '-m', 'm', 'go']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('fine\n');
  });

  test('an absurd bill from the server is not believed: a warning, and the run counted locally', async () => {
    srv.chat = (res) => sse(res, [sseChunk('hi', 'stop'), `data: ${JSON.stringify({ choices: [], usage: { prompt_tokens: 5, completion_tokens: 1, billing: { billed_tokens: 9e15, tokens_remaining: 0 } } })}\n\n`, 'data: [DONE]\n\n']);
    const u = user();
    const r = await u.run(['run', '-m', 'm', '--max-tokens', '10', 'go']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/reported 9000000000000000 plan tokens for this run, more than it could possibly cost/);
    const [row] = ledgerRows(u.home);
    expect(row).toMatchObject({ status: 'ok', source: 'estimate' });
    expect(row.billed_tokens).toBeLessThan(100);
  });

  test('on a terminal, control sequences in the answer are shown, not executed; piped and --raw they pass untouched', async () => {
    const evil = 'safe \x1b]0;pwned\x07 text \x1b[2J end';
    srv.chat = (res) => sse(res, [sseChunk(evil, 'stop'), 'data: [DONE]\n\n']);
    const u = user();
    const piped = await u.run(['run', '-m', 'm', 'go']);
    expect(piped.stdout).toBe(evil + '\n');

    const pty = onPty(['run', '-m', 'm', 'go'], { home: u.home, env: { TOKENCLI_API_URL: srv.url, TOKENCLI_API_KEY: KEY } });
    await pty.waitFor(/end/);
    expect(await pty.exit()).toBe(0);
    expect(pty.raw()).toContain('safe ^[]0;pwned^G text ^[[2J end');
    expect(pty.raw()).not.toContain('\x1b]0;pwned');

    const raw = onPty(['run', '--raw', '-m', 'm', 'go'], { home: u.home, env: { TOKENCLI_API_URL: srv.url, TOKENCLI_API_KEY: KEY } });
    await raw.waitFor(/end/);
    expect(await raw.exit()).toBe(0);
    expect(raw.raw()).toContain('\x1b]0;pwned\x07');
  });
});
