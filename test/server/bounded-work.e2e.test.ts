/**
 * No request holds the server: a pathological prompt is refused or counted off the event loop, within
 * a deadline, while unrelated requests keep being answered; and an account with nothing to spend
 * cannot make the server count at all. Assertions are about order and answers, never about time.
 */
import { request } from 'node:http';
import { describe, expect, test } from 'vitest';
import { api, buy, chat, startServe } from '../helpers/serve.js';

const letters = (n: number) => Array.from({ length: n }, (_, i) => 'abcdefghijklmnopqrstuvwxyz'[(i * 7919 + ((i * i) % 31)) % 26]).join('');
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

/** Just under the 1 MiB body limit: half a run of one letter (quadratic to count whole), half costly letters. */
const pathological = 'a'.repeat(520_000) + letters(520_000);

describe('bounded work per request', () => {
  test('a pathological prompt is answered with a 400, and a GET /v1/plans sent after it finishes first', async () => {
    const s = await startServe();
    await buy(s.url, s.key);
    const finished: string[] = [];
    const big = postChat(s.url, s.key, { model: 'demo-mini', messages: [{ role: 'user', content: pathological }] });
    const answered = big.answer.then((r) => (finished.push('chat'), r));
    await big.sent;
    const plans = await api(s.url, '/v1/plans').then((r) => (finished.push('plans'), r));
    const answer = await answered;
    expect(plans.status).toBe(200);
    expect(finished).toEqual(['plans', 'chat']);
    expect(answer.status).toBe(400);
    expect(['context_length_exceeded', 'prompt_too_expensive']).toContain(answer.json.error.code);
    expect(answer.requestId).toMatch(/^req_/);
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
    const s = await startServe(['--count-deadline-ms', '20']);
    await buy(s.url, s.key);
    const slow = await chat(s.url, s.key, { messages: [{ role: 'user', content: letters(1_000_000) }] });
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
