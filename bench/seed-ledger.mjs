// Seeds a local ledger with N runs (default 1,000,000) spread over the last 60 days, through the
// real Ledger (so migrations, indexes and triggers are the shipped ones). `dist` picks the build
// (the bench measures an older one with BENCH_BIN). `content` also stores each run's prompt and
// answer in the history (run_content and its FTS5 index), one run in a hundred mentioning
// `SEARCH_WORD`. Usage: node bench/seed-ledger.mjs DIR [N]
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

/** The word one seeded run in a hundred mentions, for `logs --search`. */
export const SEARCH_WORD = 'pelican';
const WORDS = ['plan', 'token', 'budget', 'river', 'stone', 'meter', 'model', 'answer', 'ledger', 'window'];

export async function seedLedger(dir, count, { now = Date.now(), dist = new URL('../dist/', import.meta.url), content = false } = {}) {
  const { Ledger } = await import(new URL('ledger/ledger.js', dist).href);
  const ledger = Ledger.open(join(dir, 'ledger.db'));
  const insert = ledger.db.prepare(
    `INSERT INTO runs (id, created_at, profile, provider, model, prompt_tokens, completion_tokens, billed_tokens,
       cost_minor, currency, status, source, duration_ms, ttft_ms, forced, error)
     VALUES (?, ?, ?, 'tokenplan', ?, ?, ?, ?, NULL, NULL, 'ok', ?, 500, 100, 0, NULL)`,
  );
  const history = ledger.db.prepare('INSERT INTO run_content (run_id, conversation_id, system, prompt, files, answer) VALUES (?, ?, NULL, ?, \'[]\', ?)');
  const words = (i, n) => Array.from({ length: n }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]).join(' ');
  const span = 60 * 86_400_000;
  const batch = ledger.db.transaction((from, to) => {
    for (let i = from; i < to; i++) {
      const prompt = 10 + (i % 90);
      const completion = 20 + (i % 300);
      const id = randomUUID();
      insert.run(id, new Date(now - Math.floor((i / count) * span)).toISOString(), i % 10 === 0 ? 'work' : 'default', i % 3 ? 'demo-mini' : 'demo-pro', prompt, completion, prompt + completion, i % 20 ? 'server' : 'estimate');
      if (content) history.run(id, id, `question ${i}: ${words(i, 8)}`, `${words(i + 1, 40)}${i % 100 === 1 ? ` ${SEARCH_WORD}` : ''}`);
    }
  });
  for (let i = 0; i < count; i += 50_000) batch(i, Math.min(count, i + 50_000));
  ledger.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, n, withContent] = process.argv.slice(2);
  if (!dir) throw new Error('usage: node bench/seed-ledger.mjs DIR [COUNT] [--content]');
  const t = performance.now();
  await seedLedger(dir, Number(n ?? 1_000_000), { content: withContent === '--content' });
  console.log(`seeded ${Number(n ?? 1_000_000).toLocaleString()} runs into ${dir}/ledger.db in ${((performance.now() - t) / 1000).toFixed(1)}s`);
}
