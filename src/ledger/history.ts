/**
 * The history beside the ledger: what each run asked and answered, its conversation, and full-text
 * search over both (SQLite FTS5). Counts and money stay in `runs`; removing a history entry or
 * turning content logging off never changes a budget.
 */
import type Database from 'better-sqlite3';
import { prepared } from '../sqlite/statements.js';
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

const SELECT = `SELECT r.id, r.created_at, r.profile, r.model, r.status, r.source, r.billed_tokens, r.prompt_tokens, r.completion_tokens,
  c.conversation_id, c.system, c.prompt, c.answer, c.files
  FROM runs r LEFT JOIN run_content c ON c.run_id = r.id`;

/** The same columns for runs that have content. */
const SELECT_WITH_CONTENT = SELECT.replace('LEFT JOIN run_content', 'JOIN run_content');

/** The same columns, driven by the full-text index: CROSS JOIN keeps SQLite from starting at `runs`. */
const SELECT_FROM_SEARCH = `SELECT r.id, r.created_at, r.profile, r.model, r.status, r.source, r.billed_tokens, r.prompt_tokens, r.completion_tokens,
  c.conversation_id, c.system, c.prompt, c.answer, c.files
  FROM run_search s CROSS JOIN run_content c ON c.rowid = s.rowid CROSS JOIN runs r ON r.id = c.run_id`;

/**
 * Up to this many matches are sorted (a few milliseconds); past it, at least one run in
 * (history / FEW_MATCHES) matches, so walking the newest runs finds `limit` of them quickly.
 */
const FEW_MATCHES = 20_000;

const parse = (r: Row): LoggedRun => ({ ...r, files: r.files ? (JSON.parse(r.files) as FileInput[]) : [] });

export class History {
  constructor(private readonly db: Database.Database) {}

  save(t: Turn): void {
    const insert = prepared(this.db, `INSERT OR REPLACE INTO run_content (run_id, conversation_id, system, prompt, files, answer) VALUES (?, ?, ?, ?, ?, ?)`);
    this.db.transaction(() => insert.run(t.run_id, t.conversation_id, t.system, t.prompt, JSON.stringify(t.files), t.answer)).immediate();
  }

  /** The newest runs of a profile, or those whose prompt or answer match an FTS5 query. */
  list(o: { profile?: string; limit: number; search?: string }): LoggedRun[] {
    const where = o.profile === undefined ? '' : 'r.profile = @profile';
    if (o.search !== undefined) {
      // Two plans, chosen by how many entries match (which FTS5 counts from its index alone):
      // few matches are read from the index and sorted; many are found by walking the newest runs,
      // which soon meets `limit` of them. Either alone grows with the history: the walk for a rare
      // word reads every run, the sort of a common one reads every match. The walk joins content
      // with an inner join: a run without content (history off, or `logs rm`) has no rowid, which
      // FTS5 would take as no rowid constraint at all, so such runs matched every search.
      const search = ftsQuery(o.search);
      const matches = prepared(this.db, 'SELECT count(*) FROM run_search WHERE run_search MATCH ?').pluck().get(search) as number;
      const sql =
        matches <= FEW_MATCHES
          ? `${SELECT_FROM_SEARCH} WHERE run_search MATCH @search ${where ? `AND ${where}` : ''} ORDER BY r.created_at DESC LIMIT @limit`
          : `${SELECT_WITH_CONTENT} JOIN run_search s ON s.rowid = c.rowid WHERE run_search MATCH @search ${where ? `AND ${where}` : ''} ORDER BY r.created_at DESC LIMIT @limit`;
      return (prepared(this.db, sql).all({ search, limit: o.limit, ...(o.profile !== undefined ? { profile: o.profile } : {}) }) as Row[]).map(parse);
    }
    const sql = `${SELECT} ${where ? `WHERE ${where}` : ''} ORDER BY r.created_at DESC LIMIT @limit`;
    return (prepared(this.db, sql).all({ limit: o.limit, ...(o.profile !== undefined ? { profile: o.profile } : {}) }) as Row[]).map(parse);
  }

  /** One run by its id or an unambiguous prefix of it (as git takes a short hash). */
  find(idOrPrefix: string): LoggedRun | 'ambiguous' | undefined {
    const rows = prepared(this.db, `${SELECT} WHERE r.id >= @p AND r.id < @p || char(0x10FFFF) ORDER BY r.id LIMIT 2`).all({ p: idOrPrefix }) as Row[];
    if (rows.length > 1 && rows[0]!.id !== idOrPrefix) return 'ambiguous';
    return rows[0] && parse(rows[0]);
  }

  /** The turns of a conversation, oldest first: what `run -c` sends again. */
  conversation(conversationId: string): Turn[] {
    const rows = prepared(this.db, `SELECT c.* FROM run_content c JOIN runs r ON r.id = c.run_id WHERE c.conversation_id = ? ORDER BY r.created_at, r.rowid`).all(conversationId) as (Omit<Turn, 'files'> & { files: string })[];
    return rows.map((r) => ({ ...r, files: JSON.parse(r.files) as FileInput[] }));
  }

  /** The conversation of the profile's most recent run that has one. */
  latestConversation(profile: string): string | undefined {
    return prepared(this.db, `SELECT c.conversation_id FROM run_content c JOIN runs r ON r.id = c.run_id WHERE r.profile = ? ORDER BY r.created_at DESC, r.rowid DESC LIMIT 1`).pluck().get(profile) as string | undefined;
  }

  /** Forgets what runs asked and answered; their counts stay in the ledger. Returns how many. */
  remove(runIds: string[] | 'all'): number {
    if (runIds === 'all') return (this.db.transaction(() => prepared(this.db, 'DELETE FROM run_content').run()).immediate() as { changes: number }).changes;
    const del = prepared(this.db, 'DELETE FROM run_content WHERE run_id = ?');
    return this.db.transaction(() => runIds.reduce((n, id) => n + del.run(id).changes, 0)).immediate();
  }
}

/** Words as the user typed them, each quoted, so FTS5 syntax (AND, *, quotes) in a search is plain text. */
function ftsQuery(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `"${w.replaceAll('"', '""')}"`)
    .join(' ');
}
