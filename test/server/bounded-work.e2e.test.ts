/**
 * No request holds the server: a pathological prompt is refused or counted off the event loop, only
 * as far as the model's context and within a deadline, while unrelated requests keep being answered;
 * and an account with nothing to spend cannot make the server count at all. Assertions are about
 * order and answers, never about time.
 */
import { request } from 'node:http';
import { describe, expect, test } from 'vitest';
import { api, buy, chat, startServe } from '../helpers/serve.js';

/**
 * One run of CJK letters without punctuation, just under the 1 MiB body limit: the tokenizer keeps it
 * whole, and counting it whole takes time quadratic in its length (minutes, before slicing).
 */
const cjk = (n: number) => Array.from({ length: n }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20_000))).join('');
const pathological = cjk(340_000);

/** POSTs a chat body; `sent` resolves once the whole body has left, `answer` with the response. */
function postChat(url: string, key: string, body: unknown) {
  const json = JSON.stringify(body);
  let markSent!: () => void;
  const sent = new Promise<void>((r) => (markSent = r));
  const answer = new Promise<{ status: number; json: any; requestId: string | undefined }>((resolve, reject) => {
    const req = request(`${url}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(text), requestId: res.headers['x-request-id'] as string | undefined }));
    });
    req.on('error', reject);
    req.end(json, markSent);
  });
  return { sent, answer };
}


describe('bounded work per request', () => {
  test('pathological prompts are answered with 400, and a GET /v1/plans sent after them finishes first', async () => {
    const s = await startServe();
    await buy(s.url, s.key);
    const finished: string[] = [];
    // Four, so that they queue for the pool's workers and the race with /v1/plans is not close.
    const chats = [1, 2, 3, 4].map(() => postChat(s.url, s.key, { model: 'demo-pro', messages: [{ role: 'user', content: pathological }] }));
    const answers = Promise.all(chats.map((c) => c.answer.then((r) => (finished.push('chat'), r))));
    await Promise.all(chats.map((c) => c.sent));
    const plans = await api(s.url, '/v1/plans').then((r) => (finished.push('plans'), r));
    expect(plans.status).toBe(200);
    for (const answer of await answers) {
      expect(answer.status).toBe(400);
      // Counting stops once the prompt is past the 32,768 tokens of demo-pro's context.
      expect(answer.json.error).toMatchObject({ code: 'context_length_exceeded', param: 'messages' });
      expect(answer.json.error.message).toMatch(/needs at least 3\d,\d{3} tokens .* but demo-pro has 32,768/);
      expect(answer.requestId).toMatch(/^req_/);
    }
    expect(finished).toEqual(['plans', 'chat', 'chat', 'chat', 'chat']);
    await s.stop();
  });

  test('a prompt whose byte length alone cannot fit is refused without counting', async () => {
    const s = await startServe();
    await buy(s.url, s.key);
    const r = await chat(s.url, s.key, { messages: [{ role: 'user', content: 'a'.repeat(1_040_000) }], max_tokens: 100 });
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'context_length_exceeded', param: 'messages' });
    expect(r.json.error.message).toMatch(/needs at least 8,232 tokens/);
    await s.stop();
  });

  test('counting past the deadline answers 400, and the pool goes on counting', async () => {
    const s = await startServe(['--count-deadline-ms', '10']);
    await buy(s.url, s.key);
    // Counting demo-pro's 32,768 tokens of this prompt takes tens of milliseconds.
    const slow = await chat(s.url, s.key, { model: 'demo-pro', messages: [{ role: 'user', content: pathological }] });
    expect(slow.status).toBe(400);
    expect(slow.json.error).toMatchObject({ type: 'invalid_request_error', code: 'prompt_too_expensive', param: 'messages' });
    const next = await chat(s.url, s.key, { max_tokens: 3 });
    expect(next.status).toBe(200);
    expect(next.json.usage.prompt_tokens).toBe(8);
    await s.stop();
  });

  test('an account with nothing to spend gets 402 before its prompt is counted', async () => {
    const s = await startServe();
    const r = await chat(s.url, s.key, { messages: [{ role: 'user', content: 'a'.repeat(1_040_000) }] });
    expect(r.status).toBe(402);
    expect(r.json.error.code).toBe('insufficient_balance');
    await s.stop();
  });
});
