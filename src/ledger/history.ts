/**
 * The history beside the ledger: what each run asked and answered, its conversation, and full-text
 * search over both (SQLite FTS5). Counts and money stay in `runs`; removing a history entry or
 * turning content logging off never changes a budget.
 */
import type Database from 'better-sqlite3';
import { prepared } from '../sqlite/statements.js';
import { TurnWriter } from './history-writer.js';
import type { RunRecord } from './ledger.js';

export interface FileInput {
  path: string;
  sha256: string;
  bytes: number;
}

export interface Turn {
  run_id: string;
  conversation_id: string;
  system: string | null;
  prompt: string;
  files: FileInput[];
  answer: string;
}

/** A run as the history lists it: its ledger figures and, where content was kept, the exchange. */
export type LoggedRun = Pick<RunRecord, 'id' | 'created_at' | 'profile' | 'model' | 'status' | 'source' | 'billed_tokens' | 'prompt_tokens' | 'completion_tokens'> & {
  conversation_id: string | null;
  system: string | null;
  prompt: string | null;
  answer: string | null;
  files: FileInput[];
};

type Row = Omit<LoggedRun, 'files'> & { files: string | null };

/** A run's whole answer: part 0's, then the rest of its parts in order (most runs have none). */
const ANSWER = `c.answer || coalesce((SELECT group_concat(p.answer, '' ORDER BY p.part) FROM run_content p WHERE p.run_id = c.run_id AND p.part > 0), '')`;

const COLUMNS = `r.id, r.created_at, r.profile, r.model, r.status, r.source, r.billed_tokens, r.prompt_tokens, r.completion_tokens,
  c.conversation_id, c.system, c.prompt, ${ANSWER} AS answer, c.files`;

const SELECT = `SELECT ${COLUMNS} FROM runs r LEFT JOIN run_content c ON c.run_id = r.id AND c.part = 0`;

/** A part of run `run` matching the FTS5 query in `param`. */
const partMatches = (run: string, param: string) =>
  `EXISTS (SELECT 1 FROM run_content m CROSS JOIN run_search s ON s.rowid = m.rowid WHERE m.run_id = ${run} AND run_search MATCH ${param})`;

/**
 * The other way a run has every word of a search (besides one part with all of them, which the
 * index answers alone): a run in several parts, each word in some part. Few runs have more than
 * one part, and they are found by an index of their own. `run` names the run's id column.
 */
const spreadOverParts = (run: string, words: number) => `EXISTS (SELECT 1 FROM run_content l WHERE l.run_id = ${run} AND l.part = 1) AND ${everyWordInSomePart(run, words)}`;

/** Each of the search's words (@w0, @w1, …) in some part of run `run`. */
const everyWordInSomePart = (run: string, words: number) => Array.from({ length: words }, (_, i) => partMatches(run, `@w${i}`)).join(' AND ');

/**
 * Up to this many matches are sorted (a few milliseconds); past it, at least one run in
 * (history / FEW_MATCHES) matches, so walking the newest runs finds `limit` of them quickly.
 */
const FEW_MATCHES = 20_000;

const parse = (r: Row): LoggedRun => ({ ...r, files: r.files ? (JSON.parse(r.files) as FileInput[]) : [] });

export class History {
  constructor(private readonly db: Database.Database) {}

  /** A run's entry, written as its answer streams in (see TurnWriter). */
  writer(t: Omit<Turn, 'answer'>): TurnWriter {
    return new TurnWriter(this.db, t);
  }

  /** The newest runs of a profile, or those whose prompt and answer have all the words of a search. */
  list(o: { profile?: string; limit: number; search?: string }): LoggedRun[] {
    const profile = o.profile === undefined ? {} : { profile: o.profile };
    const and = o.profile === undefined ? '' : 'AND r.profile = @profile';
    if (o.search !== undefined) {
      // Two plans, chosen by how many index rows match (which FTS5 counts from its index alone):
      // few matches are read from the index and sorted; many are found by walking the newest runs,
      // which soon meets `limit` of them (CROSS JOIN: in the order of runs, not of their content).
      // Either alone grows with the history: the walk for a rare word reads every run, the sort of a
      // common one reads every match. Parts are reached from their run by its id, never by a
      // missing rowid: a run without content (history off, or `logs rm`) has no rowid, which FTS5
      // would take as no rowid constraint at all.
      const words = ftsWords(o.search);
      if (words.length === 0) return [];
      const search = words.join(' ');
      const params = { search, limit: o.limit, ...profile, ...Object.fromEntries(words.map((w, i) => [`w${i}`, w])) };
      const matches = prepared(this.db, 'SELECT count(*) FROM run_search WHERE run_search MATCH ?').pluck().get(search) as number;
      const sql =
        matches <= FEW_MATCHES
          ? // The newest `limit` of the matching runs first, then their columns: sorting every match
            // with its prompt and whole answer cost more than the search.
            `WITH hits(run_id) AS (
               SELECT m.run_id FROM run_search s CROSS JOIN run_content m ON m.rowid = s.rowid WHERE run_search MATCH @search
               UNION SELECT x.run_id FROM run_content x WHERE x.part = 1 AND ${everyWordInSomePart('x.run_id', words.length)}),
             newest(id) AS (SELECT r.id FROM hits h CROSS JOIN runs r ON r.id = h.run_id WHERE 1 ${and} ORDER BY r.created_at DESC LIMIT @limit)
             SELECT ${COLUMNS} FROM newest n CROSS JOIN runs r ON r.id = n.id CROSS JOIN run_content c ON c.run_id = r.id AND c.part = 0
             ORDER BY r.created_at DESC`
          : `SELECT ${COLUMNS} FROM runs r CROSS JOIN run_content c ON c.run_id = r.id AND c.part = 0
             WHERE (${partMatches('r.id', '@search')} OR (${spreadOverParts('r.id', words.length)})) ${and} ORDER BY r.created_at DESC LIMIT @limit`;
      return (prepared(this.db, sql).all(params) as Row[]).map(parse);
    }
    const sql = `${SELECT} ${o.profile === undefined ? '' : 'WHERE r.profile = @profile'} ORDER BY r.created_at DESC LIMIT @limit`;
    return (prepared(this.db, sql).all({ limit: o.limit, ...profile }) as Row[]).map(parse);
  }

  /** One run by its id or an unambiguous prefix of it (as git takes a short hash). */
  find(idOrPrefix: string): LoggedRun | 'ambiguous' | undefined {
    const rows = prepared(this.db, `${SELECT} WHERE r.id >= @p AND r.id < @p || char(0x10FFFF) ORDER BY r.id LIMIT 2`).all({ p: idOrPrefix }) as Row[];
    if (rows.length > 1 && rows[0]!.id !== idOrPrefix) return 'ambiguous';
    return rows[0] && parse(rows[0]);
  }

  /** The turns of a conversation, oldest first: what `run -c` sends again. */
  conversation(conversationId: string): Turn[] {
    const rows = prepared(
      this.db,
      `SELECT c.run_id, c.conversation_id, c.system, c.prompt, c.files, ${ANSWER} AS answer FROM run_content c JOIN runs r ON r.id = c.run_id
       WHERE c.conversation_id = ? AND c.part = 0 ORDER BY r.created_at, r.rowid`,
    ).all(conversationId) as (Omit<Turn, 'files'> & { files: string })[];
    return rows.map((r) => ({ ...r, files: JSON.parse(r.files) as FileInput[] }));
  }

  /** The conversation of the profile's most recent run that has one. */
  latestConversation(profile: string): string | undefined {
    return prepared(this.db, `SELECT c.conversation_id FROM run_content c JOIN runs r ON r.id = c.run_id WHERE r.profile = ? AND c.part = 0 ORDER BY r.created_at DESC, r.rowid DESC LIMIT 1`).pluck().get(profile) as string | undefined;
  }

  /** Forgets what runs asked and answered (all their parts); their counts stay in the ledger. Returns how many runs. */
  remove(runIds: string[] | 'all'): number {
    const runs = prepared(this.db, 'SELECT count(*) FROM run_content WHERE part = 0').pluck();
    if (runIds === 'all') {
      return this.db.transaction(() => {
        const n = runs.get() as number;
        prepared(this.db, 'DELETE FROM run_content').run();
        return n;
      }).immediate();
    }
    const del = prepared(this.db, 'DELETE FROM run_content WHERE run_id = ?');
    return this.db.transaction(() => runIds.reduce((n, id) => n + (del.run(id).changes > 0 ? 1 : 0), 0)).immediate();
  }
}

/** Words as the user typed them, each quoted, so FTS5 syntax (AND, *, quotes) in a search is plain text. */
function ftsWords(text: string): string[] {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `"${w.replaceAll('"', '""')}"`);
}
