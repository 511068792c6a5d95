/**
 * Append-only: never edit or reorder a migration that has shipped; add a new one instead.
 * Amounts are integers (tokens, minor units of money); times are ISO-8601 UTC strings.
 */

export interface ServerMigration {
  name: string;
  /**
   * The change in SQLite's words. PostgreSQL runs it as postgresDdl() translates it (dialect.ts),
   * or runs `postgres` instead where the translation does not fit.
   */
  sql: string;
  postgres?: string;
}

export const SERVER_MIGRATIONS: ServerMigration[] = [
  {
    name: 'm001_accounts_and_keys',
    sql: `
        CREATE TABLE accounts (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          currency TEXT NOT NULL,
          created_at TEXT NOT NULL,
          -- plan tokens used beyond what the packs held (an upstream over-reporting); paid by the next purchase
          debt_tokens INTEGER NOT NULL DEFAULT 0 CHECK (debt_tokens >= 0)
        );
        CREATE TABLE api_keys (
          id TEXT PRIMARY KEY,            -- the public lookup part of the key
          account_id TEXT NOT NULL REFERENCES accounts(id),
          key_hash BLOB NOT NULL,         -- sha256 of the whole key; the key itself is never stored
          created_at TEXT NOT NULL,
          revoked_at TEXT
        );
      `,
  },
  {
    name: 'm002_plans_purchases_packs',
    sql: `
        CREATE TABLE plans (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          description TEXT NOT NULL,
          tokens INTEGER NOT NULL CHECK (tokens > 0),
          price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
          currency TEXT NOT NULL,
          validity_days INTEGER NOT NULL CHECK (validity_days > 0),
          sort_order INTEGER NOT NULL
        );
        CREATE TABLE purchases (
          id TEXT PRIMARY KEY,
          account_id TEXT NOT NULL REFERENCES accounts(id),
          plan_id TEXT NOT NULL REFERENCES plans(id),
          quantity INTEGER NOT NULL CHECK (quantity > 0),
          tokens INTEGER NOT NULL,
          price_minor INTEGER NOT NULL,
          currency TEXT NOT NULL,
          status TEXT NOT NULL,
          created_at TEXT NOT NULL
        );
        CREATE INDEX purchases_by_account ON purchases(account_id, created_at);
        CREATE TABLE packs (
          id TEXT PRIMARY KEY,
          account_id TEXT NOT NULL REFERENCES accounts(id),
          purchase_id TEXT NOT NULL REFERENCES purchases(id),
          plan_id TEXT NOT NULL,
          tokens_total INTEGER NOT NULL CHECK (tokens_total > 0),
          tokens_remaining INTEGER NOT NULL CHECK (tokens_remaining >= 0 AND tokens_remaining <= tokens_total),
          created_at TEXT NOT NULL,
          expires_at TEXT NOT NULL
        );
        CREATE INDEX packs_draw_order ON packs(account_id, expires_at);
      `,
  },
  {
    name: 'm003_metering',
    sql: `
        CREATE TABLE holds (
          id TEXT PRIMARY KEY,
          account_id TEXT NOT NULL REFERENCES accounts(id),
          tokens INTEGER NOT NULL CHECK (tokens >= 0),
          status TEXT NOT NULL CHECK (status IN ('active', 'settled', 'expired')),
          created_at TEXT NOT NULL,
          expires_at TEXT NOT NULL
        );
        CREATE INDEX holds_active ON holds(account_id, status);
        -- One row per pack touched by a movement: grants, debits, debt. The balance is derivable from it.
        CREATE TABLE ledger_entries (
          id INTEGER PRIMARY KEY,
          account_id TEXT NOT NULL REFERENCES accounts(id),
          pack_id TEXT,
          kind TEXT NOT NULL CHECK (kind IN ('grant', 'debit', 'debt', 'debt_repayment')),
          tokens INTEGER NOT NULL,
          reference TEXT NOT NULL,        -- the purchase or request that caused it
          created_at TEXT NOT NULL
        );
        CREATE INDEX ledger_by_account ON ledger_entries(account_id, created_at);
        CREATE TABLE chat_requests (
          id TEXT PRIMARY KEY,
          account_id TEXT NOT NULL REFERENCES accounts(id),
          model TEXT NOT NULL,
          prompt_tokens INTEGER NOT NULL,
          completion_tokens INTEGER NOT NULL,
          billed_tokens INTEGER NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('completed', 'aborted', 'failed')),
          created_at TEXT NOT NULL
        );
        CREATE INDEX chat_requests_by_account ON chat_requests(account_id, created_at);
      `,
  },
  {
    name: 'm004_idempotency',
    sql: `
        CREATE TABLE idempotency_records (
          account_id TEXT NOT NULL REFERENCES accounts(id),
          key TEXT NOT NULL,
          request_hash TEXT NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('in_progress', 'done')),
          response_status INTEGER,
          response_body TEXT,
          created_at TEXT NOT NULL,
          locked_until TEXT NOT NULL,     -- an in-progress record whose owner crashed can be taken over after this
          PRIMARY KEY (account_id, key)
        );
        CREATE INDEX idempotency_by_age ON idempotency_records(created_at);
      `,
  },
  {
    name: 'm005_hold_progress',
    // What a running request has produced so far, kept on its hold, so that a hold whose process is
    // gone can still be settled at what was delivered (see store/leases.ts).
    sql: `
        ALTER TABLE holds ADD COLUMN request_id TEXT;
        ALTER TABLE holds ADD COLUMN model TEXT NOT NULL DEFAULT '';
        ALTER TABLE holds ADD COLUMN prompt_tokens INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE holds ADD COLUMN completion_tokens INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE holds ADD COLUMN input_multiplier_milli INTEGER NOT NULL DEFAULT 1000;
        ALTER TABLE holds ADD COLUMN output_multiplier_milli INTEGER NOT NULL DEFAULT 1000;
      `,
  },
  {
    name: 'm006_run_ids',
    // The Idempotency-Key a client sent with a chat request (its run id), so that a client whose
    // process died mid-run can settle its own ledger from the server's record (GET /v1/usage/runs/ID).
    sql: `
        ALTER TABLE holds ADD COLUMN run_id TEXT;
        ALTER TABLE chat_requests ADD COLUMN run_id TEXT;
        CREATE INDEX chat_requests_by_run ON chat_requests(account_id, run_id) WHERE run_id IS NOT NULL;
      `,
  },
  {
    name: 'm007_subscriptions',
    // Subscriptions whose quota is counted against several windows at once (issue 15). A hold is
    // funded either by the subscription's windows (subscription_id set) or by the packs, never
    // split: the packs' availability ignores subscription holds and the windows ignore pack holds.
    // multiplier_milli is the time-of-day multiplier applied, recorded so that reports reconcile.
    sql: `
        CREATE TABLE subscription_plans (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          description TEXT NOT NULL,
          price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
          first_period_price_minor INTEGER NOT NULL CHECK (first_period_price_minor >= 0),
          currency TEXT NOT NULL,
          time_zone TEXT NOT NULL,
          sort_order INTEGER NOT NULL
        );
        CREATE TABLE subscription_plan_limits (
          plan_id TEXT NOT NULL REFERENCES subscription_plans(id),
          unit TEXT NOT NULL CHECK (unit IN ('tokens', 'requests')),
          quota_window TEXT NOT NULL CHECK (quota_window IN ('rolling_5h', 'week', 'cycle')),
          cap INTEGER NOT NULL CHECK (cap > 0),
          PRIMARY KEY (plan_id, unit, quota_window)
        );
        CREATE TABLE subscriptions (
          id TEXT PRIMARY KEY,
          account_id TEXT NOT NULL REFERENCES accounts(id),
          plan_id TEXT NOT NULL REFERENCES subscription_plans(id),
          auto_renew INTEGER NOT NULL DEFAULT 0,
          started_at TEXT NOT NULL,        -- the anchor of the monthly cycle
          ends_at TEXT NOT NULL,           -- the end of the last paid period
          price_minor INTEGER NOT NULL,    -- what the current period cost
          currency TEXT NOT NULL,
          created_at TEXT NOT NULL
        );
        CREATE INDEX subscriptions_by_account ON subscriptions(account_id, ends_at);
        CREATE TABLE subscription_usage (
          id INTEGER PRIMARY KEY,
          subscription_id TEXT NOT NULL REFERENCES subscriptions(id),
          request_id TEXT NOT NULL,
          tokens INTEGER NOT NULL CHECK (tokens >= 0),
          requests INTEGER NOT NULL CHECK (requests >= 0),
          created_at TEXT NOT NULL
        );
        CREATE INDEX subscription_usage_by_time ON subscription_usage(subscription_id, created_at);
        ALTER TABLE holds ADD COLUMN subscription_id TEXT REFERENCES subscriptions(id);
        ALTER TABLE holds ADD COLUMN multiplier_milli INTEGER NOT NULL DEFAULT 1000;
        ALTER TABLE chat_requests ADD COLUMN subscription_id TEXT;
        ALTER TABLE chat_requests ADD COLUMN multiplier_milli INTEGER NOT NULL DEFAULT 1000;
      `,
  },
  {
    name: 'm008_account_phone',
    // Carrier accounts (issue 16) are found by their phone number, stored in E.164 (server/phone.ts).
    sql: `
        ALTER TABLE accounts ADD COLUMN phone TEXT;
        CREATE UNIQUE INDEX accounts_by_phone ON accounts(phone) WHERE phone IS NOT NULL;
      `,
  },
  {
    name: 'm009_device_codes',
    // Device logins (RFC 8628, issue 16). The device code is a bearer secret held by the CLI, so only
    // its hash is kept; the user code is short and typed by a person, so it is looked up as it is.
    // A row moves pending → approved | denied, and approved → issued once the CLI has its key.
    // browser_session is the hash of the cookie of the browser that entered the user code: only that
    // browser may take the phone and approval steps. api_keys.name says which device a key is for.
    sql: `
        CREATE TABLE device_codes (
          id TEXT PRIMARY KEY,
          device_code_hash BLOB NOT NULL UNIQUE,
          user_code TEXT NOT NULL UNIQUE,   -- 8 characters, without the dash shown to people
          client_name TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'denied', 'issued')),
          interval_seconds INTEGER NOT NULL,
          last_polled_at_ms INTEGER,
          created_at TEXT NOT NULL,
          expires_at TEXT NOT NULL,
          browser_session BLOB,
          phone TEXT,                       -- E.164, once the browser has given one
          sms_code_hash BLOB,
          sms_sends INTEGER NOT NULL DEFAULT 0,
          sms_failures INTEGER NOT NULL DEFAULT 0,
          phone_verified INTEGER NOT NULL DEFAULT 0,
          account_id TEXT REFERENCES accounts(id),
          api_key_id TEXT
        );
        CREATE INDEX device_codes_by_expiry ON device_codes(expires_at);
        ALTER TABLE api_keys ADD COLUMN name TEXT;
      `,
  },
  {
    name: 'm010_phone_bill_payments',
    // Carrier billing (issue 16). A phone-bill payment waits for its SMS code (only a hash is kept)
    // before the purchase or subscription it carries takes effect. Every charge, however paid, is a
    // row of `charges`, so a month's statement is a plain query and its lines sum to what was charged;
    // `reference` is unique per account so a charge recorded twice by racing requests counts once.
    sql: `
        CREATE TABLE payments (
          id TEXT PRIMARY KEY,
          account_id TEXT NOT NULL REFERENCES accounts(id),
          status TEXT NOT NULL CHECK (status IN ('pending_validation', 'succeeded', 'denied', 'cancelled', 'expired')),
          order_type TEXT NOT NULL CHECK (order_type IN ('purchase', 'subscription')),
          plan_id TEXT NOT NULL,
          quantity INTEGER NOT NULL CHECK (quantity > 0),
          order_id TEXT,                  -- the purchase or subscription, once the payment succeeded
          amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
          currency TEXT NOT NULL,
          description TEXT NOT NULL,
          phone TEXT NOT NULL,
          code_hash BLOB NOT NULL,
          attempts_left INTEGER NOT NULL CHECK (attempts_left >= 0),
          codes_sent INTEGER NOT NULL DEFAULT 1,
          code_sent_at TEXT NOT NULL,
          denial_reason TEXT,
          created_at TEXT NOT NULL,
          expires_at TEXT NOT NULL,
          completed_at TEXT
        );
        CREATE INDEX payments_by_account ON payments(account_id, created_at);
        CREATE TABLE invoices (
          id TEXT PRIMARY KEY,
          account_id TEXT NOT NULL REFERENCES accounts(id),
          title TEXT NOT NULL,
          tax_id TEXT NOT NULL,
          month TEXT,
          order_id TEXT,
          amount_minor INTEGER NOT NULL,
          currency TEXT NOT NULL,
          requested_at TEXT NOT NULL,
          issue_at TEXT NOT NULL          -- when it counts as issued (serve --invoice-delay after the request)
        );
        CREATE INDEX invoices_by_account ON invoices(account_id, requested_at);
        CREATE TABLE charges (
          id TEXT PRIMARY KEY,
          account_id TEXT NOT NULL REFERENCES accounts(id),
          order_id TEXT NOT NULL,         -- the purchase or subscription charged for
          reference TEXT NOT NULL,        -- what makes this charge one charge (an order, a renewal period)
          description TEXT NOT NULL,
          amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
          currency TEXT NOT NULL,
          payment_method TEXT NOT NULL CHECK (payment_method IN ('instant', 'phone_bill')),
          payment_id TEXT REFERENCES payments(id),
          invoice_id TEXT REFERENCES invoices(id),
          created_at TEXT NOT NULL,
          UNIQUE (account_id, reference)
        );
        CREATE INDEX charges_by_time ON charges(account_id, created_at);
        -- Charges made before this migration, so that old months' statements are not empty.
        INSERT INTO charges (id, account_id, order_id, reference, description, amount_minor, currency, payment_method, created_at)
          SELECT 'chg_' || p.id, p.account_id, p.id, p.id, 'Token Plan: ' || pl.name || CASE WHEN p.quantity > 1 THEN ' ×' || p.quantity ELSE '' END,
                 p.price_minor, p.currency, 'instant', p.created_at
          FROM purchases p JOIN plans pl ON pl.id = p.plan_id;
        INSERT INTO charges (id, account_id, order_id, reference, description, amount_minor, currency, payment_method, created_at)
          SELECT 'chg_' || s.id, s.account_id, s.id, s.id, 'Token Plan: ' || sp.name || ' subscription, first month', sp.first_period_price_minor, s.currency, 'instant', s.created_at
          FROM subscriptions s JOIN subscription_plans sp ON sp.id = s.plan_id;
      `,
  },
  {
    name: 'm018_replicas',
    // Several replicas may share one database (issue 18): each hold names the replica running its
    // request, and any replica settles a hold whose lease lapsed (store/leases.ts); the index finds
    // them. Keys the replicas must agree on (the device pages' CSRF key) live in server_secrets.
    sql: `
        ALTER TABLE holds ADD COLUMN owner TEXT;
        CREATE INDEX holds_lapsing ON holds(status, expires_at);
        CREATE TABLE server_secrets (name TEXT PRIMARY KEY, value BLOB NOT NULL);
      `,
  },
];
