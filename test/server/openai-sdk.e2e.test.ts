/** The official `openai` SDK talks to `tokencli serve` as it would to OpenAI. */
import OpenAI from 'openai';
import { expect, test } from 'vitest';
import { buy, startServe } from '../helpers/serve.js';

test('the openai SDK lists models and streams a chat completion with the usage chunk', async () => {
  const s = await startServe();
  await buy(s.url, s.key);
  const openai = new OpenAI({ apiKey: s.key, baseURL: `${s.url}/v1`, maxRetries: 0 });
  const models = [];
  for await (const m of openai.models.list()) models.push(m.id);
  expect(models).toEqual(['demo-mini', 'demo-pro', 'demo-glm', 'demo-echo']);

  const stream = await openai.chat.completions.create({
    model: 'demo-pro',
    messages: [{ role: 'user', content: 'Say something' }],
    max_tokens: 7,
    stream: true,
    stream_options: { include_usage: true },
  });
  let text = '';
  let usage: any;
  for await (const chunk of stream) {
    text += chunk.choices[0]?.delta?.content ?? '';
    if (chunk.usage) usage = chunk.usage;
  }
  expect(text.split(' ').filter(Boolean)).toHaveLength(7);
  expect(usage.completion_tokens).toBe(7);
  expect(usage.billing.billed_tokens).toBe(usage.prompt_tokens * 2 + 7 * 4);

  const err = await openai.chat.completions.create({ model: 'nope', messages: [{ role: 'user', content: 'x' }] }).catch((e) => e);
  expect(err).toBeInstanceOf(OpenAI.NotFoundError);
  await s.stop();
});
