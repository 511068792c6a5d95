/**
 * run_totals (migration m007) answers budget sums and usage reports exactly as the rows do, however
 * rows are written, completed or removed, for any range and time zone: checked against sums taken
 * from the rows themselves.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { Ledger } from '../../src/ledger/ledger.js';
import { periodBounds, type Period } from '../../src/ledger/periods.js';
import { usageRows } from '../../src/ledger/report.js';
import { segments } from '../../src/ledger/totals.js';
import { tempDir } from '../helpers/procs.js';

const T0 = Date.parse('2026-10-30T00:00:00Z');
const SPAN = 6 * 86_400_000;

const runArb = fc.record({
  at: fc.integer({ min: 0, max: SPAN }),
  profile: fc.constantFrom('default', 'work'),
  model: fc.constantFrom('a', 'b'),
  billed: fc.integer({ min: 0, max: 1000 }),
  pending: fc.boolean(),
  estimate: fc.boolean(),
  completeTo: fc.option(fc.integer({ min: 0, max: 1000 })),
  remove: fc.boolean(),
});

type Run = typeof runArb extends fc.Arbitrary<infer T> ? T : never;

function fill(ledger: Ledger, runs: Run[]) {
  const insert = ledger.db.prepare(
    `INSERT INTO runs (id, created_at, profile, provider, model, prompt_tokens, completion_tokens, billed_tokens, status, source, duration_ms)
     VALUES (?, ?, ?, 'tokenplan', ?, 1, 2, ?, ?, ?, 0)`,
  );
  runs.forEach((r, i) => insert.run(`r${i}`, new Date(T0 + r.at).toISOString(), r.profile, r.model, r.billed, r.pending ? 'pending' : 'ok', r.estimate ? 'estimate' : 'server'));
  runs.forEach((r, i) => {
    if (r.completeTo !== null) ledger.db.prepare(`UPDATE runs SET billed_tokens = ?, status = 'ok', source = 'server' WHERE id = ?`).run(r.completeTo, `r${i}`);
    if (r.remove) ledger.db.prepare('DELETE FROM runs WHERE id = ?').run(`r${i}`);
  });
}

const fresh = () => Ledger.open(join(tempDir(), 'ledger.db'));

describe('run_totals', () => {
  test('segments cover a range exactly, each piece of one grain', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: SPAN }), fc.integer({ min: 0, max: SPAN }), (a, b) => {
        const [lo, hi] = [T0 + Math.min(a, b), T0 + Math.max(a, b)];
        const pieces = segments(lo, hi);
        const ms = (s: string) => Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s.length === 13 ? `${s}:00:00Z` : s.length === 15 ? `${s}0:00Z` : s);
        const spans = pieces.map((p) => [ms(p.from), ms(p.to)] as const).sort((x, y) => x[0] - y[0]);
        let at = lo;
        for (const [from, to] of spans) {
          expect(from).toBe(at);
          at = to;
        }
        expect(at).toBe(hi);
      }),
    );
  });

  test('budget sums equal the rows, with and without pending runs', () => {
    fc.assert(
      fc.property(fc.array(runArb, { maxLength: 40 }), fc.integer({ min: 0, max: SPAN }), fc.integer({ min: 0, max: SPAN }), (runs, a, b) => {
        const ledger = fresh();
        fill(ledger, runs);
        const [start, end] = [new Date(T0 + Math.min(a, b)), new Date(T0 + Math.max(a, b))];
        for (const settledOnly of [false, true]) {
          const fromRows = ledger.db
            .prepare(`SELECT COALESCE(SUM(billed_tokens), 0) FROM runs WHERE profile = 'default' AND created_at >= ? AND created_at < ?${settledOnly ? " AND status != 'pending'" : ''}`)
            .pluck()
            .get(start.toISOString(), end.toISOString());
          expect(ledger.billedBetween('default', start, end, { settledOnly })).toBe(fromRows);
        }
        ledger.close();
      }),
      { numRuns: 40 },
    );
  });

  test('usage reports equal the rows grouped one by one, by model and by local period', () => {
    fc.assert(
      fc.property(
        fc.array(runArb, { maxLength: 40 }),
        fc.integer({ min: 0, max: SPAN }),
        fc.constantFrom<Period | 'model'>('day', 'week', 'month', 'model'),
        fc.constantFrom('UTC', 'Asia/Kolkata', 'America/New_York', 'Asia/Shanghai'),
        fc.option(fc.constant('work')),
        (runs, since, by, tz, profile) => {
          const ledger = fresh();
          fill(ledger, runs);
          const filter = { since: new Date(T0 + since).toISOString(), ...(profile ? { profile } : {}) };
          const rows = ledger.db.prepare(`SELECT * FROM runs WHERE created_at >= ?${profile ? ' AND profile = ?' : ''}`).all(...[filter.since, ...(profile ? [profile] : [])]) as { created_at: string; model: string; billed_tokens: number }[];
          const day = new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' });
          const expected = new Map<string, number>();
          for (const r of rows) {
            const tenMinutes = new Date(`${r.created_at.slice(0, 15)}0:00.000Z`);
            const key = by === 'model' ? r.model : day.format(periodBounds(by, tenMinutes, tz).start);
            expected.set(key, (expected.get(key) ?? 0) + r.billed_tokens);
          }
          const got = new Map(usageRows(ledger, filter, by, tz).map((r) => [r.key, r.billed_tokens]));
          expect(got).toEqual(expected);
          ledger.close();
        },
      ),
      { numRuns: 40 },
    );
  });
});
