/**
 * What the ledger keeps about quota windows (migration m008): the windows a server last reported for
 * an account, the local spend against that account since an instant (the offline estimate), and
 * alerts on a window's used share with the claims that keep each threshold to one alert per window.
 */
import type { Quota } from '../shared/quota.js';
import { prepared } from '../sqlite/statements.js';
import type { WindowName } from '../tokens/windows.js';
import type { Ledger } from './ledger.js';

export interface QuotaSnapshot {
  api_url: string;
  account: string;
  seen_at: string;
  quota: Quota;
}

export function saveQuotaSnapshot(ledger: Ledger, s: QuotaSnapshot): void {
  const upsert = prepared(
    ledger.db,
    `INSERT INTO quota_snapshots (api_url, account, seen_at, document) VALUES (?, ?, ?, ?)
     ON CONFLICT(api_url, account) DO UPDATE SET seen_at = excluded.seen_at, document = excluded.document`,
  );
  ledger.db.transaction(() => upsert.run(s.api_url, s.account, s.seen_at, JSON.stringify(s.quota))).immediate();
}

export function lastQuotaSnapshot(ledger: Ledger, apiUrl: string, account: string): QuotaSnapshot | undefined {
  const row = prepared(ledger.db, 'SELECT api_url, account, seen_at, document FROM quota_snapshots WHERE api_url = ? AND account = ?').get(apiUrl, account) as
    | { api_url: string; account: string; seen_at: string; document: string }
    | undefined;
  return row && { api_url: row.api_url, account: row.account, seen_at: row.seen_at, quota: JSON.parse(row.document) as Quota };
}

export interface LocalSpend {
  /** Runs that may have reached the server (a run that failed before spending anything did not). */
  requests: number;
  /** Their plan tokens, pending runs at their worst case. */
  tokens: number;
}

/** What this ledger recorded against the server and account from `since` (inclusive), as a window counts it. */
export function localSpendSince(ledger: Ledger, apiUrl: string, account: string, since: string): LocalSpend {
  return prepared(
    ledger.db,
    `SELECT COUNT(*) AS requests, COALESCE(SUM(billed_tokens), 0) AS tokens FROM runs
     WHERE api_url = ? AND account = ? AND created_at >= ? AND (status <> 'error' OR billed_tokens > 0)`,
  ).get(apiUrl, account, since) as LocalSpend;
}

export interface WindowAlert {
  id: number;
  profile: string;
  window: WindowName;
  /** Thresholds in percent of the window's limit, ascending. */
  warn: number[];
  alert_command: string | null;
}

interface WindowAlertRow {
  id: number;
  profile: string;
  quota_window: WindowName;
  warn: string;
  alert_command: string | null;
}

const toAlert = (r: WindowAlertRow): WindowAlert => ({ id: r.id, profile: r.profile, window: r.quota_window, warn: JSON.parse(r.warn) as number[], alert_command: r.alert_command });

/** Creates the profile's alert on the window, or replaces it (its claims go with the old thresholds). */
export function setWindowAlert(ledger: Ledger, a: Omit<WindowAlert, 'id'>, now: Date): WindowAlert {
  const upsert = prepared(
    ledger.db,
    `INSERT INTO window_alerts (profile, quota_window, warn, alert_command, created_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(profile, quota_window) DO UPDATE SET warn = excluded.warn, alert_command = excluded.alert_command`,
  );
  const select = prepared(ledger.db, 'SELECT * FROM window_alerts WHERE profile = ? AND quota_window = ?');
  return ledger.db
    .transaction(() => {
      upsert.run(a.profile, a.window, JSON.stringify(a.warn), a.alert_command, now.toISOString());
      return toAlert(select.get(a.profile, a.window) as WindowAlertRow);
    })
    .immediate();
}

export function windowAlerts(ledger: Ledger, profile: string): WindowAlert[] {
  return (prepared(ledger.db, 'SELECT * FROM window_alerts WHERE profile = ? ORDER BY id').all(profile) as WindowAlertRow[]).map(toAlert);
}

export function removeWindowAlert(ledger: Ledger, profile: string, window: WindowName): boolean {
  return prepared(ledger.db, 'DELETE FROM window_alerts WHERE profile = ? AND quota_window = ?').run(profile, window).changes === 1;
}

/** Which window, of which account, one claim is about. */
export interface WindowClaimKey {
  alertId: number;
  apiUrl: string;
  account: string;
  unit: string;
  /** The window's start; a constant for the rolling window, whose claims are released instead. */
  windowStart: string;
}

/** Records that the threshold alerted for this window; false when another process (or an earlier run) already did. */
export function claimWindowAlert(ledger: Ledger, k: WindowClaimKey, threshold: number, used: number, now: Date): boolean {
  const insert = prepared(ledger.db, 'INSERT OR IGNORE INTO window_alerts_sent (alert_id, api_url, account, unit, window_start, threshold, used, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  return (ledger.db.transaction(() => insert.run(k.alertId, k.apiUrl, k.account, k.unit, k.windowStart, threshold, used, now.toISOString())).immediate() as { changes: number }).changes === 1;
}

/**
 * Lets the thresholds above `percent` alert again: the rolling window's use has fallen back under
 * them. Only claims recorded before `askedAt` (when the request that read `percent` was sent) are
 * released: a claim's `sent_at` comes after the reading it was made from, so a reading asked for
 * later is strictly newer evidence, while one asked for earlier may predate the claim's.
 */
export function releaseWindowAlerts(ledger: Ledger, k: WindowClaimKey, percent: number, askedAt: Date): void {
  prepared(ledger.db, 'DELETE FROM window_alerts_sent WHERE alert_id = ? AND api_url = ? AND account = ? AND unit = ? AND window_start = ? AND threshold > ? AND sent_at < ?').run(
    k.alertId,
    k.apiUrl,
    k.account,
    k.unit,
    k.windowStart,
    percent,
    askedAt.toISOString(),
  );
}
