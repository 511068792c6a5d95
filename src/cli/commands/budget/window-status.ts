/** The window alerts in `budget status`: each against the windows last seen plus local spend since (the offline estimate of `quota`). */
import { evaluateWindow, type WindowAlertState } from '../../../ledger/budget-rules.js';
import type { Ledger } from '../../../ledger/ledger.js';
import { windowAlerts, type WindowAlert } from '../../../ledger/quota-store.js';
import type { WindowQuota } from '../../../shared/quota.js';
import { formatTokens, relativeTime } from '../../io/format.js';
import type { IOStreams } from '../../io/streams.js';
import { printTable } from '../../io/table.js';
import { offlineQuota } from '../quota/offline.js';
import { lastQuota, spendSince } from '../quota/snapshot.js';
import { WINDOW_ADJECTIVE } from '../quota/pace.js';

export interface WindowAlertRow {
  alert: WindowAlert;
  /** The window it watches, nearest its limit when the window counts two units; undefined when none was seen. */
  quota?: WindowQuota;
  state?: WindowAlertState;
}

export function windowAlertStates(ledger: Ledger, profile: string, apiUrl: string, account: string, now: Date): WindowAlertRow[] {
  const alerts = windowAlerts(ledger, profile);
  if (alerts.length === 0) return [];
  const last = lastQuota(ledger, apiUrl, account);
  const windows = last ? offlineQuota(last.quota, last.seen_at, spendSince(ledger, apiUrl, account), now).windows : [];
  return alerts.map((alert) => {
    const measured = windows.filter((w) => w.window === alert.window).map((w) => ({ quota: w, state: evaluateWindow(alert.warn, w) }));
    const nearest = measured.sort((a, b) => b.state.percent - a.state.percent)[0];
    return { alert, ...(nearest ?? {}) };
  });
}

export function printWindowAlerts(io: IOStreams, rows: WindowAlertRow[], now: Date, afterBudgets: boolean): void {
  if (afterBudgets) io.out('\n');
  io.out(io.color.bold('Quota window alerts') + ' (last seen plus local spend since)\n');
  printTable(
    io,
    [
      { key: 'window', title: 'window', human: (r) => WINDOW_ADJECTIVE[r.alert.window], raw: (r) => r.alert.window },
      { key: 'used', title: 'used', human: (r) => (r.state && r.quota ? `~${formatTokens(r.state.used)} / ${formatTokens(r.state.limit)} ${r.quota.unit}` : 'not seen yet'), raw: (r) => r.state?.used },
      { key: 'percent', title: '%', human: (r) => (r.state ? `~${r.state.percent}%` : '-'), raw: (r) => r.state?.percent },
      { key: 'warn', title: 'alerts at', human: (r) => r.alert.warn.map((p) => `${p}%`).join(', '), raw: (r) => r.alert.warn.join(',') },
      { key: 'resets_at', title: 'resets', human: (r) => (r.quota?.resets_at ? relativeTime(r.quota.resets_at, now) : '-'), raw: (r) => r.quota?.resets_at },
    ],
    rows,
  );
}
