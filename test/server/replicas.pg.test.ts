/**
 * Several `tokencli serve` replicas on one PostgreSQL database, as behind a load balancer: the
 * guarantees hold across them because the database enforces them (row locks, unique keys, leases),
 * not any one process's memory.
 */
import pg from 'pg';
import { describe, expect, inject, test } from 'vitest';
import { startDevice } from '../helpers/device-web.js';
import { join } from 'node:path';
import { tokencli } from '../helpers/cli.js';
import { tempDir } from '../helpers/procs.js';
import { api, balanceOf, buy, chat, drainTo, openStream, smsSent, startReplicas, startServe } from '../helpers/serve.js';

/** Asks until `check` holds; each ask is a real request, so this waits for a condition, not for a time. */
async function until<T>(ask: () => Promise<T>, check: (v: T) => boolean): Promise<T> {
  for (;;) {
    const v = await ask();
    if (check(v)) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('replicas sharing one PostgreSQL database', () => {
  test('replicas starting together apply each migration once, and only one of them makes the demo account', async () => {
    const { replicas, key, database } = await startReplicas(3);
    expect(replicas.filter((r) => r.key !== '')).toHaveLength(1);
    const client = new pg.Client({ connectionString: database });
    await client.connect();
    const { rows } = await client.query<{ name: string; n: number }>('SELECT name, count(*)::int AS n FROM schema_migrations GROUP BY name');
    await client.end();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    // One account, one pack: a purchase through one replica is seen by the others.
    expect((await buy(replicas[0]!.url, key)).status).toBe(201);
    for (const r of replicas) expect((await balanceOf(r.url, key)).tokens_remaining).toBe(400_000);
    const health = await api(replicas[2]!.url, '/health');
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ status: 'ok', database: { status: 'ok', dialect: 'postgres' } });
    await Promise.all(replicas.map((r) => r.stop()));
  });

  test('50 streams split across two replicas race for the last 1,000 tokens: never negative, billed = spent', async () => {
    const fast = await startReplicas(2);
    const key = fast.key;
    await buy(fast.replicas[0]!.url, key);
    await drainTo(fast.replicas[1]!.url, key, 1000);
    await Promise.all(fast.replicas.map((r) => r.stop()));
    // Restarted on the same database with slow tokens, which keep every admitted stream running while the others try to get in.
    const replicas = await Promise.all(fast.replicas.map((r) => startServe(['--demo-delay-ms', '5'], { dataDir: r.dataDir })));
    const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    const spentBefore = 400_000 - 1000;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => chat((i % 2 ? a : b).url, key, { max_tokens: 100, stream: true, stream_options: { include_usage: true } })),
    );
    const ok = results.filter((r) => r.status === 200);
    expect(ok.length + results.filter((r) => r.status === 402).length).toBe(50);
    const billed = ok.map((r) => JSON.parse(r.text.split('\n').find((l) => l.includes('"billing"'))!.slice('data: '.length)).usage.billing.billed_tokens as number);
    const total = billed.reduce((x, y) => x + y, 0);
    const after = await balanceOf(a.url, key);
    expect(after).toMatchObject({ tokens_held: 0, tokens_owed: 0 });
    expect(after.packs.every((p: { tokens_remaining: number }) => p.tokens_remaining >= 0)).toBe(true);
    expect(total).toBe(1000 - after.tokens_remaining);
    // What the server recorded per request agrees with what left the pack.
    const usage = (await api(b.url, '/v1/usage', { key })).json.data as { billed_tokens: number }[];
    expect(usage.reduce((n, r) => n + r.billed_tokens, 0)).toBe(spentBefore + total);
    // Each admitted stream holds 108 (8 prompt + 100): nine fit in 1000, whichever replica admitted them.
    expect(ok.length).toBe(9);
    console.info(`two-replica race: ${ok.length} admitted, ${50 - ok.length} refused (402), billed ${total}, left ${after.tokens_remaining}`);
    await Promise.all(replicas.map((r) => r.stop()));
  });

  test('the same Idempotency-Key sent to both replicas at once makes one purchase', async () => {
    // A slow payment step keeps the first request in progress while the second arrives.
    const { replicas, key } = await startReplicas(2, ['--payment-delay-ms', '300']);
    const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    for (const k of ['race-1', 'race-2', 'race-3']) {
      const answers = await Promise.all([buy(a.url, key, 'starter', k), buy(b.url, key, 'starter', k)]);
      const statuses = answers.map((r) => r.status).sort();
      // One made the purchase; the other found it in progress (409) or, had it come later, replayed it.
      expect(statuses[0]).toBe(201);
      expect([201, 409]).toContain(statuses[1]);
      const replay = await buy(b.url, key, 'starter', k);
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(replay.json.id).toBe(answers.find((r) => r.status === 201)!.json.id);
    }
    expect((await api(a.url, '/v1/purchases', { key })).json.data).toHaveLength(3);
    expect((await balanceOf(b.url, key)).tokens_remaining).toBe(3 * 400_000);
    await Promise.all(replicas.map((r) => r.stop()));
  });

  test('kill -9 of one replica mid-stream: another settles the delivered tokens once the lease lapses', async () => {
    const { replicas, key } = await startReplicas(2, ['--demo-delay-ms', '10', '--progress-interval-ms', '100', '--hold-ttl', '1']);
    const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    await buy(b.url, key);
    const stream = await openStream(a.url, key, 1000, 100);
    expect((await balanceOf(b.url, key)).tokens_held).toBe(1008);
    await a.stop('SIGKILL');
    const delivered = (await stream.rest()).contentChunks;
    // No restart of the dead replica: the survivor's sweep finds the lapsed hold and bills its progress.
    const [row] = await until(async () => (await api(b.url, '/v1/usage', { key })).json.data, (rows) => rows.length > 0);
    expect(row).toMatchObject({ requests: 1, prompt_tokens: 8 });
    const balance = await balanceOf(b.url, key);
    expect(balance).toMatchObject({ tokens_held: 0, tokens_owed: 0 });
    // Progress is recorded every 100 ms, about 10 demo tokens: allow a few intervals of slack on a busy machine.
    expect(Math.abs(row.completion_tokens - delivered)).toBeLessThanOrEqual(50);
    expect(balance.tokens_remaining).toBe(400_000 - 8 - row.completion_tokens);
    expect(b.stderr()).toMatch(/settled 1 request\(s\) whose replica stopped renewing them/);
    console.info(`replica kill -9: ${delivered} tokens delivered, ${row.completion_tokens} billed by the other replica`);
    await b.stop();
  });

  test('a subscription window is shared: requests racing on two replicas never pass its cap', async () => {
    const { replicas, key, database } = await startReplicas(2);
    const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    const client = new pg.Client({ connectionString: database });
    await client.connect();
    await client.query(`INSERT INTO subscription_plans VALUES ('tiny', 'Tiny', 'test', 100, 100, 'CNY', 'Asia/Shanghai', 99)`);
    await client.query(`INSERT INTO subscription_plan_limits VALUES ('tiny', 'requests', 'rolling_5h', 5)`);
    await client.end();
    const subscribed = await api(a.url, '/v1/subscriptions', { key, body: { plan_id: 'tiny' }, headers: { 'idempotency-key': 'sub-1' } });
    expect(subscribed.status).toBe(201);
    // No packs: a request the window cannot take is refused, whichever replica it reaches.
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => chat((i % 2 ? a : b).url, key, { max_tokens: 2 })));
    expect(results.map((r) => r.status).sort()).toEqual([...Array(5).fill(200), ...Array(35).fill(429)]);
    expect((await api(b.url, '/v1/quota', { key })).json.windows[0]).toMatchObject({ used: 5, held: 0, remaining: 0 });
    await Promise.all(replicas.map((r) => r.stop()));
  });

  test('a phone-bill payment validated on both replicas at once carries out its order once; the monthly cap holds across them', async () => {
    const outbox = join(tempDir(), 'outbox.jsonl');
    // A cap of ¥15: room for one ¥10 pack, not two.
    const { replicas, database } = await startReplicas(2, ['--sms-outbox', outbox, '--phone-bill-monthly-cap', '15']);
    const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    const made = await tokencli(['serve', 'keys', 'create', '--account', 'carrier', '--phone', '13800000009', '--database', database, '--data-dir', a.dataDir]);
    const key = made.stdout.trim();
    const pay = (url: string, k: string) => api(url, '/v1/purchases', { key, body: { plan_id: 'basic', payment_method: 'phone_bill' }, headers: { 'idempotency-key': k } });
    const prepared = await Promise.all([pay(a.url, 'pay-a'), pay(b.url, 'pay-b')]);
    expect(prepared.map((r) => r.status).sort()).toEqual([202, 402]);
    const payment = prepared.find((r) => r.status === 202)!.json;
    const code = smsSent({ ...a, smsOutbox: outbox }).filter((m) => m.purpose === 'payment').at(-1)!.code!;
    const validated = await Promise.all([a, b].map((r) => api(r.url, `/v1/payments/${payment.id}/validate`, { key, body: { code } })));
    expect(validated.map((r) => r.status)).toEqual([200, 200]);
    expect(validated[0]!.json.order.id).toBe(validated[1]!.json.order.id);
    expect((await api(b.url, '/v1/purchases', { key })).json.data).toHaveLength(1);
    expect((await balanceOf(a.url, key)).tokens_remaining).toBe(5_000_000);
    await Promise.all(replicas.map((r) => r.stop()));
  });

  test('a device login begun on one replica goes on at another: the form key is the database\'s, not a process\'s', async () => {
    const { replicas } = await startReplicas(2);
    const [a, b] = replicas as [(typeof replicas)[0], (typeof replicas)[0]];
    const device = await startDevice(b);
    // The browser is shown the form by one replica…
    const shown = await fetch(`${a.url}/device`);
    const cookie = shown.headers.get('set-cookie')!.split(';')[0]!;
    const csrf = /name="csrf" value="([^"]+)"/.exec(await shown.text())![1]!;
    // …and the load balancer sends its answer to the other, which takes it and moves to the phone step.
    const entered = await fetch(`${b.url}/device`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, user_code: device.user_code }),
      redirect: 'manual',
    });
    expect(entered.status).toBe(303);
    expect(entered.headers.get('location')).toBe('/device/phone');
    await Promise.all(replicas.map((r) => r.stop()));
  });

  test('a key revoked through one replica is refused by the other on its very next request; a purchase shows on the other at once', async () => {
    const { replicas, key } = await startReplicas(2);
    const [a, b] = [replicas[0]!, replicas[1]!];
    // The other replica has just served this key, so whatever it might remember of it is fresh.
    expect((await balanceOf(b.url, key)).tokens_remaining).toBe(0);
    expect((await buy(a.url, key)).status).toBe(201);
    expect((await balanceOf(b.url, key)).tokens_remaining).toBe(400_000);
    expect((await api(a.url, `/v1/account/keys/${key.slice(3, 11)}`, { key, method: 'DELETE' })).status).toBe(200);
    expect((await api(b.url, '/v1/balance', { key })).status).toBe(401);
    expect((await api(a.url, '/v1/balance', { key })).status).toBe(401);
    await Promise.all(replicas.map((r) => r.stop()));
  });

  test('a replica whose database is gone says so on /health and fails requests cleanly', async () => {
    const s = await startServe();
    expect((await api(s.url, '/health')).status).toBe(200);
    const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
    await admin.connect();
    // The database stops taking connections and drops the replica's, as in an outage.
    const name = new URL(s.storeArgs[1]!).pathname.slice(1);
    await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
    await admin.end();
    const health = await api(s.url, '/health');
    expect(health.status).toBe(503);
    expect(health.json).toMatchObject({ status: 'unavailable', database: { status: 'unreachable', dialect: 'postgres' } });
    expect((await api(s.url, '/v1/plans')).status).toBe(500);
    await s.stop();
  });
});
