/** Upstream mode: one `tokencli serve` forwarding to another, metering what comes back. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { api, buy, chat, startServe } from '../helpers/serve.js';
import { tempDir } from '../helpers/procs.js';
import { tokencli } from '../helpers/cli.js';

test('forwards chat to an OpenAI-compatible upstream and meters its usage at configured rates', async () => {
  const upstream = await startServe();
  await buy(upstream.url, upstream.key);
  const config = join(tempDir(), 'models.json');
  // demo-mini at half price until a promotion ends (a schedule with an effective date), 1× after it.
  const promotion = { time_zone: 'Asia/Shanghai', base_milli: 1000, rules: [{ from_minute: 0, to_minute: 1440, effective_until: '2099-01-01T00:00:00Z', multiplier_milli: 500 }] };
  writeFileSync(config, JSON.stringify({ 'demo-pro': { input_multiplier_milli: 500, output_multiplier_milli: 3000 }, 'demo-mini': { schedule: promotion } }));
  const front = await startServe(
    ['--upstream', `${upstream.url}/v1`, '--upstream-key-env', 'UPSTREAM_KEY', '--models-config', config],
    { env: { UPSTREAM_KEY: upstream.key } },
  );
  await buy(front.url, front.key);

  const models = (await api(front.url, '/v1/models')).json.data;
  expect(models.map((m: any) => [m.id, m.billing])).toEqual([
    ['demo-mini', { input_multiplier_milli: 1000, output_multiplier_milli: 1000 }],
    ['demo-pro', { input_multiplier_milli: 500, output_multiplier_milli: 3000 }],
    // Not configured: an upstream's model is billed at 1×/1× (its peak schedule is the upstream's business).
    ['demo-glm', { input_multiplier_milli: 1000, output_multiplier_milli: 1000 }],
    ['demo-echo', { input_multiplier_milli: 1000, output_multiplier_milli: 1000 }],
  ]);

  expect(models[0].multiplier).toEqual({ multiplier_milli: 500, changes_at: '2099-01-01T00:00:00.000Z', time_zone: 'Asia/Shanghai', schedule: promotion });

  const streamed = await chat(front.url, front.key, { model: 'demo-pro', max_tokens: 6, stream: true, stream_options: { include_usage: true } });
  const usage = JSON.parse(streamed.text.split('\n').find((l) => l.includes('"billing"'))!.slice(6)).usage;
  expect(usage.completion_tokens).toBe(6);
  expect(usage.billing.billed_tokens).toBe(Math.ceil((usage.prompt_tokens * 500 + 6 * 3000) / 1000));
  const plain = await chat(front.url, front.key, { model: 'demo-mini', max_tokens: 4 });
  expect(plain.json.choices[0].message.content.split(' ').filter(Boolean)).toHaveLength(4);
  expect(plain.json.usage.billing).toMatchObject({ multiplier_milli: 500, billed_tokens: Math.ceil(((plain.json.usage.prompt_tokens + 4) * 500) / 1000) });

  // The upstream billed its own account for both calls, at its own demo rates.
  const upstreamUsage = (await api(upstream.url, '/v1/usage', { key: upstream.key })).json.data[0];
  expect(upstreamUsage.requests).toBe(2);
  const frontBalance = (await api(front.url, '/v1/balance', { key: front.key })).json;
  expect(frontBalance.tokens_remaining).toBe(400_000 - usage.billing.billed_tokens - plain.json.usage.billing.billed_tokens);

  const badKey = await startServe(['--upstream', `${upstream.url}/v1`, '--upstream-key-env', 'UPSTREAM_KEY'], { env: { UPSTREAM_KEY: 'tp_' + 'z'.repeat(40) } });
  await buy(badKey.url, badKey.key);
  const failed = await chat(badKey.url, badKey.key, { max_tokens: 3 });
  expect(failed.status).toBe(502);
  expect(failed.json.error).toMatchObject({ type: 'server_error', code: 'upstream_error' });
  expect(failed.json.error.message).toMatch(/^upstream: GET \/models answered 401/);
  expect((await api(badKey.url, '/v1/balance', { key: badKey.key })).json.tokens_remaining).toBe(400_000);
  await Promise.all([upstream.stop(), front.stop(), badKey.stop()]);
});

test('a schedule in --models-config that cannot be billed by is refused at start, naming the model and the fault', async () => {
  const config = join(tempDir(), 'models.json');
  writeFileSync(config, JSON.stringify({ 'demo-glm': { schedule: { time_zone: 'Asia/Beijing', base_milli: 2000, rules: [] } } }));
  const r = await tokencli(['serve', '--port', '0', '--data-dir', tempDir(), '--upstream', 'http://127.0.0.1:9/v1', '--models-config', config]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/--models-config .*models\.json: demo-glm: unknown time zone "Asia\/Beijing"/);
});
