/**
 * `logs --search` reads the full-text index two ways, by how many entries match: few are read from
 * the index and sorted, many are found by walking the newest runs. Both must give the same answer:
 * the newest matching runs of the profile, newest first.
 */
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, expect, test } from 'vitest';
import { History } from '../../src/ledger/history.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { tempDir } from '../helpers/procs.js';

const ledger = Ledger.open(join(tempDir(), 'ledger.db'));
afterAll(() => ledger.close());

// 25,000 runs (past the 20,000 matches where the plan changes), one minute apart, in two profiles;
// every run says "common", every 1,000th also "rare".
const base = Date.parse('2026-11-01T00:00:00Z');
const runs = Array.from({ length: 25_000 }, (_, i) => ({ id: randomUUID(), at: new Date(base + i * 60_000).toISOString(), profile: i % 2 ? 'work' : 'default', rare: i % 1000 === 4 }));
const insertRun = ledger.db.prepare(
  `INSERT INTO runs (id, created_at, profile, provider, model, prompt_tokens, completion_tokens, billed_tokens, status, source, duration_ms, forced)
   VALUES (?, ?, ?, 'tokenplan', 'm', 1, 1, 2, 'ok', 'server', 1, 0)`,
);
const insertContent = ledger.db.prepare(`INSERT INTO run_content (run_id, conversation_id, system, prompt, files, answer) VALUES (?, ?, NULL, 'a common question', '[]', ?)`);
// Insert in an order unlike created_at, so neither plan can lean on insertion order.
ledger.db.transaction(() => {
  for (const r of [...runs].reverse()) {
    insertRun.run(r.id, r.at, r.profile);
    insertContent.run(r.id, r.id, r.rare ? 'an answer with a rare word' : 'an answer');
  }
  // The newest runs of all have no content (history off, or `logs rm`): no search may find them.
  for (let i = 1; i <= 3; i++) insertRun.run(randomUUID(), new Date(base + (runs.length + i) * 60_000).toISOString(), 'work');
})();
const history = new History(ledger.db);
const newest = (pick: (r: (typeof runs)[number]) => boolean, n: number) => runs.filter(pick).reverse().slice(0, n).map((r) => r.id);

test('a word in few runs: the newest matches of the profile, newest first', () => {
  expect(history.list({ profile: 'default', limit: 10, search: 'rare' }).map((r) => r.id)).toEqual(newest((r) => r.rare && r.profile === 'default', 10));
  expect(history.list({ limit: 30, search: 'rare' }).map((r) => r.id)).toEqual(newest((r) => r.rare, 30));
});

test('a word in every run: the same order and profile filter', () => {
  expect(history.list({ profile: 'work', limit: 10, search: 'common' }).map((r) => r.id)).toEqual(newest((r) => r.profile === 'work', 10));
  expect(history.list({ limit: 5, search: 'common question' }).map((r) => r.id)).toEqual(newest(() => true, 5));
});

test('a word in no run finds nothing', () => {
  expect(history.list({ profile: 'default', limit: 10, search: 'absent' })).toEqual([]);
});

test('a run in several parts matches when its words are spread over them, in both plans', () => {
  // The newest run with content: "common" in its prompt (part 0), "answer" only in its last part.
  const id = randomUUID();
  insertRun.run(id, new Date(base + (runs.length + 10) * 60_000).toISOString(), 'default');
  const writer = history.writer({ run_id: id, conversation_id: id, system: null, prompt: 'a common question', files: [] });
  for (let i = 0; i < 700; i++) writer.add('filler words for a long reply '.repeat(30));
  writer.add('\nthe last answer');
  writer.finish();
  // 25,000 runs have both words in one row: the walk; no other run has "last": the index and a sort.
  expect(history.list({ limit: 3, search: 'common answer' }).map((r) => r.id)).toEqual([id, ...newest(() => true, 2)]);
  expect(history.list({ limit: 3, search: 'question last' }).map((r) => r.id)).toEqual([id]);
});
