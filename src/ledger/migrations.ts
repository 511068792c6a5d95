/** The local ledger's schema. Append-only: never edit or reorder a migration that has shipped. */
import type { Migration } from '../sqlite/migrate.js';

/** m007's grains: a name, and how many characters of an ISO time name its bucket. */
const M007_GRAINS = [['d', 10], ['h', 13], ['t', 15]] as const;

export const LEDGER_MIGRATIONS: Migration[] = [
  {
    name: 'm001_runs',
    up: (db) =>
      db.exec(`
        CREATE TABLE runs (
          id TEXT PRIMARY KEY,              -- the run id, also the request's Idempotency-Key
          created_at TEXT NOT NULL,         -- ISO-8601 UTC, when the run started
          profile TEXT NOT NULL,
          provider TEXT NOT NULL,
          model TEXT NOT NULL,
          prompt_tokens INTEGER NOT NULL CHECK (prompt_tokens >= 0),
          completion_tokens INTEGER NOT NULL CHECK (completion_tokens >= 0),
          billed_tokens INTEGER NOT NULL CHECK (billed_tokens >= 0),
          cost_minor INTEGER,               -- money, where known, in minor units of currency
          currency TEXT,
          status TEXT NOT NULL CHECK (status IN ('ok', 'interrupted', 'error')),
          source TEXT NOT NULL CHECK (source IN ('server', 'estimate')),
          duration_ms INTEGER NOT NULL,
          ttft_ms INTEGER,
          forced INTEGER NOT NULL DEFAULT 0, -- run despite a hard budget (--force)
          error TEXT
        );
        CREATE INDEX runs_by_profile_time ON runs(profile, created_at);
        CREATE INDEX runs_by_time ON runs(created_at);
      `),
  },
  {
    name: 'm002_balance_snapshots',
    up: (db) =>
      db.exec(`
        -- The last balance each profile saw from its server, for the offline estimate.
        CREATE TABLE balance_snapshots (
          profile TEXT PRIMARY KEY,
          api_url TEXT NOT NULL,
          tokens_remaining INTEGER NOT NULL,
          seen_at TEXT NOT NULL,
          document TEXT NOT NULL
        );
      `),
  },
  {
    name: 'm003_budgets_and_alerts',
    up: (db) =>
      db.exec(`
        CREATE TABLE budgets (
          id INTEGER PRIMARY KEY,
          profile TEXT NOT NULL,
          period TEXT NOT NULL CHECK (period IN ('day', 'week', 'month')),
          limit_tokens INTEGER NOT NULL CHECK (limit_tokens > 0),
          limit_amount_minor INTEGER,       -- set for a money budget: the amount the user gave
          limit_currency TEXT,
          warn TEXT NOT NULL,               -- JSON array of whole percents, ascending
          hard INTEGER NOT NULL DEFAULT 0,
          alert_command TEXT,
          created_at TEXT NOT NULL,
          UNIQUE (profile, period)
        );
        -- One row per alert raised: the primary key makes "each threshold alerts once per period"
        -- hold across concurrent processes, since only one INSERT can win.
        CREATE TABLE alerts_sent (
          budget_id INTEGER NOT NULL REFERENCES budgets(id) ON DELETE CASCADE,
          period_start TEXT NOT NULL,
          threshold INTEGER NOT NULL,
          used_tokens INTEGER NOT NULL,
          sent_at TEXT NOT NULL,
          PRIMARY KEY (budget_id, period_start, threshold)
        );
        -- Budget checks sum a profile's billed tokens over a time range: answer from the index alone.
        CREATE INDEX runs_budget_sum ON runs(profile, created_at, billed_tokens);
      `),
  },
  {
    name: 'm004_write_ahead_runs',
    up: (db) =>
      db.exec(`
        -- A run's row is written before its request leaves (status 'pending', billed_tokens holding
        -- the most it may spend) and completed however it ends. SQLite cannot widen a CHECK, so the
        -- table is rebuilt.
        CREATE TABLE runs_v4 (
          id TEXT PRIMARY KEY,              -- the run id, also the request's Idempotency-Key
          created_at TEXT NOT NULL,         -- ISO-8601 UTC, when the run started
          profile TEXT NOT NULL,
          provider TEXT NOT NULL,
          api_url TEXT NOT NULL DEFAULT '', -- the server and account the run was sent to, so that
          account TEXT NOT NULL DEFAULT '', -- offline estimates and resolution never mix accounts
          model TEXT NOT NULL,
          prompt_tokens INTEGER NOT NULL CHECK (prompt_tokens >= 0),
          completion_tokens INTEGER NOT NULL CHECK (completion_tokens >= 0),
          billed_tokens INTEGER NOT NULL CHECK (billed_tokens >= 0),
          cost_minor INTEGER,
          currency TEXT,
          status TEXT NOT NULL CHECK (status IN ('pending', 'ok', 'truncated', 'interrupted', 'error', 'unresolved')),
          source TEXT NOT NULL CHECK (source IN ('server', 'estimate')),
          duration_ms INTEGER NOT NULL,
          ttft_ms INTEGER,
          forced INTEGER NOT NULL DEFAULT 0,
          error TEXT,
          pid INTEGER,                      -- the process that owns a pending row
          pid_start TEXT,                   -- and when it started, so a reused pid is not mistaken for it
          reserve_tokens INTEGER NOT NULL DEFAULT 0 CHECK (reserve_tokens >= 0), -- the worst case held while pending
          lookups INTEGER NOT NULL DEFAULT 0 -- times the server was asked for its record of this run and had none
        );
        INSERT INTO runs_v4 (id, created_at, profile, provider, model, prompt_tokens, completion_tokens, billed_tokens,
          cost_minor, currency, status, source, duration_ms, ttft_ms, forced, error)
        SELECT id, created_at, profile, provider, model, prompt_tokens, completion_tokens, billed_tokens,
          cost_minor, currency, status, source, duration_ms, ttft_ms, forced, error FROM runs;
        DROP TABLE runs;
        ALTER TABLE runs_v4 RENAME TO runs;
        CREATE INDEX runs_by_profile_time ON runs(profile, created_at);
        CREATE INDEX runs_by_time ON runs(created_at);
        CREATE INDEX runs_budget_sum ON runs(profile, created_at, status, billed_tokens);
        -- Rows whose figures are not the server's yet: the few that resolution looks at.
        CREATE INDEX runs_unsettled ON runs(api_url, account, created_at) WHERE source = 'estimate';
      `),
  },
  {
    name: 'm005_balance_snapshots_by_account',
    up: (db) =>
      db.exec(`
        -- Keyed by server URL and account: a snapshot under a profile name alone was overwritten by
        -- a one-off key of another account. Old rows cannot be attributed to an account, so they go.
        DROP TABLE balance_snapshots;
        CREATE TABLE balance_snapshots (
          api_url TEXT NOT NULL,
          account TEXT NOT NULL,
          tokens_remaining INTEGER NOT NULL,
          seen_at TEXT NOT NULL,
          document TEXT NOT NULL,
          PRIMARY KEY (api_url, account)
        );
      `),
  },
  {
    name: 'm006_history',
    up: (db) =>
      db.exec(`
        -- What was asked and answered, beside the run's counts (which stay when content logging is off
        -- or a history entry is removed). One row per run; a conversation is the rows sharing an id.
        CREATE TABLE run_content (
          run_id TEXT PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
          conversation_id TEXT NOT NULL,
          system TEXT,
          prompt TEXT NOT NULL,
          files TEXT NOT NULL DEFAULT '[]',  -- JSON: [{path, sha256, bytes}] of the --file inputs
          answer TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX run_content_by_conversation ON run_content(conversation_id);
        -- Full-text search over prompts and answers, kept in step by triggers (an external-content table).
        CREATE VIRTUAL TABLE run_search USING fts5(prompt, answer, content='run_content', content_rowid='rowid');
        ${RUN_SEARCH_TRIGGERS}
      `),
  },
  {
    name: 'm007_run_totals',
    up: (db) =>
      db.exec(`
        -- Sums of the runs per UTC day ('d'), hour ('h') and ten minutes ('t'), so that budget checks
        -- and usage reports cost the same with a million rows as with a thousand (see totals.ts).
        -- Kept by the triggers below in the same transaction as every change to runs: derived from
        -- the rows, never a counter that could drift from them.
        CREATE TABLE run_totals (
          grain TEXT NOT NULL,
          bucket TEXT NOT NULL,             -- created_at cut to the grain: 2026-11-27, 2026-11-27T18, 2026-11-27T18:3
          profile TEXT NOT NULL,
          model TEXT NOT NULL,
          pending INTEGER NOT NULL,         -- budgets count pending runs; alerts do not
          runs INTEGER NOT NULL,
          prompt_tokens INTEGER NOT NULL,
          completion_tokens INTEGER NOT NULL,
          billed_tokens INTEGER NOT NULL,
          estimated_runs INTEGER NOT NULL,
          PRIMARY KEY (grain, profile, bucket, model, pending)
        ) WITHOUT ROWID;
        CREATE INDEX run_totals_by_bucket ON run_totals(grain, bucket);
        ${M007_GRAINS.map(([grain, chars]) => `INSERT INTO run_totals SELECT '${grain}', substr(created_at, 1, ${chars}), profile, model, status = 'pending',
          COUNT(*), SUM(prompt_tokens), SUM(completion_tokens), SUM(billed_tokens), SUM(source = 'estimate') FROM runs GROUP BY 2, 3, 4, 5;`).join('\n')}
        CREATE TRIGGER runs_totals_insert AFTER INSERT ON runs BEGIN ${m007Add('NEW', '+')} END;
        CREATE TRIGGER runs_totals_delete AFTER DELETE ON runs BEGIN ${m007Add('OLD', '-')} END;
        CREATE TRIGGER runs_totals_update AFTER UPDATE OF created_at, profile, model, status, prompt_tokens, completion_tokens, billed_tokens, source
          ON runs BEGIN ${m007Add('OLD', '-')} ${m007Add('NEW', '+')} END;
      `),
  },
  {
    name: 'm008_window_alerts',
    up: (db) =>
      db.exec(`
        -- The quota windows a server last reported for an account (GET /v1/quota, or the headers of
        -- a chat answer): what \`quota --line\` shows offline, plus the runs recorded since, and what
        -- window alerts are checked against after a run.
        CREATE TABLE quota_snapshots (
          api_url TEXT NOT NULL,
          account TEXT NOT NULL,
          seen_at TEXT NOT NULL,
          document TEXT NOT NULL,           -- the GET /v1/quota document (as far as it is known)
          PRIMARY KEY (api_url, account)
        );
        -- Local spend against one server and account since an instant: the offline estimate's sum.
        CREATE INDEX runs_by_account_time ON runs(api_url, account, created_at);
        -- Alerts on a quota window's used share: the provider sets the limit, the user the thresholds.
        CREATE TABLE window_alerts (
          id INTEGER PRIMARY KEY,
          profile TEXT NOT NULL,
          quota_window TEXT NOT NULL CHECK (quota_window IN ('rolling_5h', 'week', 'cycle')),
          warn TEXT NOT NULL,               -- JSON array of whole percents, ascending
          alert_command TEXT,
          created_at TEXT NOT NULL,
          UNIQUE (profile, quota_window)
        );
        -- One row per threshold alerted per window (its start; for the rolling window, until its use
        -- falls back under the threshold): the primary key keeps concurrent processes to one alert.
        CREATE TABLE window_alerts_sent (
          alert_id INTEGER NOT NULL REFERENCES window_alerts(id) ON DELETE CASCADE,
          api_url TEXT NOT NULL,
          account TEXT NOT NULL,
          unit TEXT NOT NULL,
          window_start TEXT NOT NULL,
          threshold INTEGER NOT NULL,
          used INTEGER NOT NULL,
          sent_at TEXT NOT NULL,
          PRIMARY KEY (alert_id, api_url, account, unit, window_start, threshold)
        );
      `),
  },
  {
    name: 'm009_history_parts',
    up: (db) =>
      db.exec(`
        -- A run's text in parts: part 0 holds the prompt and the answer's start, parts 1, 2, ... the
        -- rest of a long answer in order, written while it streams. FTS5 keeps every term of a row in
        -- memory until the row is in; a 10 MB answer in one row took ~40 MiB, a part takes a bounded
        -- amount. Existing rows become part 0 with their rowids, so run_search (external content,
        -- keyed by rowid) stays valid without being rebuilt.
        DROP TRIGGER run_content_ai;
        DROP TRIGGER run_content_ad;
        DROP TRIGGER run_content_au;
        CREATE TABLE run_content_m009 (
          run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
          part INTEGER NOT NULL DEFAULT 0 CHECK (part >= 0),
          conversation_id TEXT NOT NULL,
          system TEXT,                      -- part 0 only, as are the prompt and files
          prompt TEXT NOT NULL,
          files TEXT NOT NULL DEFAULT '[]',
          answer TEXT NOT NULL DEFAULT '',
          PRIMARY KEY (run_id, part)
        );
        INSERT INTO run_content_m009 (rowid, run_id, part, conversation_id, system, prompt, files, answer)
          SELECT rowid, run_id, 0, conversation_id, system, prompt, files, answer FROM run_content;
        DROP TABLE run_content;
        ALTER TABLE run_content_m009 RENAME TO run_content;
        CREATE INDEX run_content_by_conversation ON run_content(conversation_id) WHERE part = 0;
        -- The runs whose answer has more than one part: few, and the only ones whose words may be
        -- spread over several rows of the index (see History.list).
        CREATE INDEX run_content_long ON run_content(run_id) WHERE part = 1;
        ${RUN_SEARCH_TRIGGERS}
      `),
  },
];

// Part of m006 and as frozen as it: the triggers that keep run_search in step with run_content,
// made by m006 and made again, unchanged, by m009 when it rebuilds the table.
const RUN_SEARCH_TRIGGERS = `
        CREATE TRIGGER run_content_ai AFTER INSERT ON run_content BEGIN
          INSERT INTO run_search(rowid, prompt, answer) VALUES (new.rowid, new.prompt, new.answer);
        END;
        CREATE TRIGGER run_content_ad AFTER DELETE ON run_content BEGIN
          INSERT INTO run_search(run_search, rowid, prompt, answer) VALUES ('delete', old.rowid, old.prompt, old.answer);
        END;
        CREATE TRIGGER run_content_au AFTER UPDATE ON run_content BEGIN
          INSERT INTO run_search(run_search, rowid, prompt, answer) VALUES ('delete', old.rowid, old.prompt, old.answer);
          INSERT INTO run_search(rowid, prompt, answer) VALUES (new.rowid, new.prompt, new.answer);
        END;`;

// Part of m007 and as frozen as it: the grains, and the statements a trigger runs to add a row's
// figures to (or take them from) each grain's bucket.
function m007Add(row: 'NEW' | 'OLD', sign: '+' | '-'): string {
  return M007_GRAINS.map(
    ([grain, chars]) => `INSERT INTO run_totals VALUES ('${grain}', substr(${row}.created_at, 1, ${chars}), ${row}.profile, ${row}.model,
      ${row}.status = 'pending', ${sign}1, ${sign}${row}.prompt_tokens, ${sign}${row}.completion_tokens, ${sign}${row}.billed_tokens, ${sign}(${row}.source = 'estimate'))
      ON CONFLICT DO UPDATE SET runs = runs + excluded.runs, prompt_tokens = prompt_tokens + excluded.prompt_tokens,
        completion_tokens = completion_tokens + excluded.completion_tokens, billed_tokens = billed_tokens + excluded.billed_tokens,
        estimated_runs = estimated_runs + excluded.estimated_runs;`,
  ).join(' ');
}
