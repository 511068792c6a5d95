/**
 * m009_history_parts on a ledger made by the migrations before it: every run's content becomes its
 * part 0 under the same rowid, so the full-text index built before still finds, shows and deletes
 * it, and new runs are written in parts beside the old ones.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { History } from '../../src/ledger/history.js';
import { PART_BYTES } from '../../src/ledger/history-writer.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { LEDGER_MIGRATIONS } from '../../src/ledger/migrations.js';
import { migrate, unapplied } from '../../src/sqlite/migrate.js';
import { tempDir } from '../helpers/procs.js';

const before = LEDGER_MIGRATIONS.slice(0, LEDGER_MIGRATIONS.findIndex((m) => m.name === 'm009_history_parts'));

test('the history of a ledger made before m009 is migrated whole, and its index still answers', () => {
  const file = join(tempDir(), 'ledger.db');
  const old = new Database(file);
  old.exec('PRAGMA foreign_keys = ON');
  migrate(old, before, () => new Date());
  const insertRun = old.prepare(
    `INSERT INTO runs (id, created_at, profile, provider, model, prompt_tokens, completion_tokens, billed_tokens, status, source, duration_ms, forced)
     VALUES (?, ?, 'default', 'tokenplan', 'm', 1, 1, 2, 'ok', 'server', 1, 0)`,
  );
  const insertContent = old.prepare(`INSERT INTO run_content (run_id, conversation_id, system, prompt, files, answer) VALUES (?, ?, ?, ?, ?, ?)`);
  // An answer larger than a part, from before parts: it stays one row.
  const big = `quokka ${'long answer text '.repeat(PART_BYTES / 8)}numbat`;
  const rows = [
    ['r1', 'c1', 'be brief', 'about the kiwi', '[{"path":"a.txt","sha256":"00","bytes":3}]', 'a kiwi is a bird'],
    ['r2', 'c1', null, 'and the emu?', '[]', 'an emu is larger'],
    ['r3', 'c2', null, 'something long', '[]', big],
  ] as const;
  rows.forEach((r, i) => {
    insertRun.run(r[0], `2026-11-0${i + 1}T00:00:00.000Z`);
    insertContent.run(...r);
  });
  const rowids = old.prepare('SELECT run_id, rowid FROM run_content ORDER BY run_id').all();
  old.close();

  const ledger = Ledger.open(file);
  try {
    expect(unapplied(ledger.db, LEDGER_MIGRATIONS)).toEqual([]);
    expect(ledger.db.prepare('SELECT run_id, rowid FROM run_content ORDER BY run_id').all()).toEqual(rowids);
    expect(ledger.db.prepare('SELECT DISTINCT part FROM run_content').pluck().all()).toEqual([0]);
    // The index was not rebuilt, and agrees with the content it points at.
    expect(() => ledger.db.exec(`INSERT INTO run_search(run_search, rank) VALUES ('integrity-check', 1)`)).not.toThrow();

    const history = new History(ledger.db);
    expect(history.find('r1')).toMatchObject({ system: 'be brief', prompt: 'about the kiwi', answer: 'a kiwi is a bird', files: [{ path: 'a.txt', sha256: '00', bytes: 3 }], conversation_id: 'c1' });
    expect((history.find('r3') as { answer: string }).answer).toBe(big);
    expect(history.conversation('c1').map((t) => [t.prompt, t.answer])).toEqual([
      ['about the kiwi', 'a kiwi is a bird'],
      ['and the emu?', 'an emu is larger'],
    ]);
    expect(history.latestConversation('default')).toBe('c2');
    expect(history.list({ limit: 10, search: 'kiwi' }).map((r) => r.id)).toEqual(['r1']);
    expect(history.list({ limit: 10, search: 'quokka numbat' }).map((r) => r.id)).toEqual(['r3']);

    // Deleting an old row takes it out of the index (the new delete trigger gets the same values).
    expect(history.remove(['r1'])).toBe(1);
    expect(history.list({ limit: 10, search: 'kiwi' })).toEqual([]);

    // A new long run is written in parts beside them.
    ledger.db.prepare(`INSERT INTO runs (id, created_at, profile, provider, model, prompt_tokens, completion_tokens, billed_tokens, status, source, duration_ms, forced) VALUES ('r4', '2026-11-05T00:00:00.000Z', 'default', 'tokenplan', 'm', 1, 1, 2, 'ok', 'server', 1, 0)`).run();
    const writer = history.writer({ run_id: 'r4', conversation_id: 'c2', system: null, prompt: 'more', files: [] });
    const text = `wombat ${'more words here '.repeat(PART_BYTES / 6)}dingo`;
    writer.add(text);
    writer.finish();
    expect(ledger.db.prepare(`SELECT count(*) FROM run_content WHERE run_id = 'r4'`).pluck().get()).toBe(3);
    expect(history.conversation('c2').map((t) => t.answer)).toEqual([big, text]);
    expect(history.list({ limit: 10, search: 'wombat dingo' }).map((r) => r.id)).toEqual(['r4']);
    expect(() => ledger.db.exec(`INSERT INTO run_search(run_search, rank) VALUES ('integrity-check', 1)`)).not.toThrow();
  } finally {
    ledger.close();
  }
});
