/**
 * Budgets as the CLI applies them: evaluated from the local ledger alone, so refusals and alerts
 * work with no network. A hard budget refuses a run before any request; each threshold crossed
 * alerts once per budget and period (recorded in the ledger, so concurrent processes agree).
 */
import { evaluate, evaluateWindow, wouldExceed, type BudgetState } from '../ledger/budget-rules.js';
import type { Ledger } from '../ledger/ledger.js';
import { claimWindowAlert, releaseWindowAlerts, windowAlerts, type WindowClaimKey } from '../ledger/quota-store.js';
import type { WindowQuota } from '../shared/quota.js';
import { WINDOW_ADJECTIVE } from './commands/quota/pace.js';
import { ADJECTIVE, localTimeZone, periodBounds } from '../ledger/periods.js';
import { QuotaError } from './errors.js';
import { formatTokens, relativeTime } from './io/format.js';
import { warn } from './io/messages.js';
import type { IOStreams } from './io/streams.js';

/**
 * Every budget of the profile, evaluated now. The time zone is asked for only when there are
 * budgets: resolving one loads ICU's zone data, which a run without budgets should not pay for.
 */
export async function budgetStates(ledger: Ledger, profile: string, now: Date, timeZone: () => Promise<string> = async () => localTimeZone(), o: { settledOnly?: boolean } = {}): Promise<BudgetState[]> {
  const budgets = ledger.budgets(profile);
  if (budgets.length === 0) return [];
  const tz = await timeZone();
  return budgets.map((b) => {
    const bounds = periodBounds(b.period, now, tz);
    return evaluate(b, bounds, ledger.billedBetween(profile, bounds.start, bounds.end, o), now);
  });
}

/** Refuses (exit 5) a run whose estimate would take a hard budget past its limit. */
export function checkHardBudgets(states: BudgetState[], estimate: number): void {
  const blocking = states.find((s) => wouldExceed(s, estimate));
  if (!blocking) return;
  const b = blocking.budget;
  throw new QuotaError(
    `the ${ADJECTIVE[b.period]} hard budget would be exceeded: used ${formatTokens(blocking.used)} of ${formatTokens(b.limit_tokens)} plan tokens, this run is estimated at ${formatTokens(estimate)}`,
    'run it anyway with --force, raise the limit with `tokencli budget set`, or lower --max-tokens',
  );
}

export function alertLine(s: BudgetState, threshold: number, now: Date): string {
  const b = s.budget;
  return `${b.hard ? 'hard' : 'soft'} ${ADJECTIVE[b.period]} budget at ${s.percent}% (threshold ${threshold}%): ${formatTokens(s.used)} of ${formatTokens(b.limit_tokens)} plan tokens; resets ${relativeTime(s.bounds.end.toISOString(), now)}`;
}

/** The highest threshold each budget has crossed, for the top of `balance` and `budget status`. */
export function standingAlerts(states: BudgetState[], now: Date): string[] {
  return states.filter((s) => s.crossed.length > 0).map((s) => alertLine(s, s.crossed.at(-1)!, now));
}

export type AlertRunner = (command: string, env: Record<string, string>) => Promise<void>;

/**
 * After a run: every newly crossed threshold is claimed once (so none alerts again this period),
 * but a jump past several at once is one alert, naming the highest, on stderr and to the command.
 */
export async function raiseAlerts(ledger: Ledger, states: BudgetState[], io: IOStreams, now: Date, runAlert: AlertRunner): Promise<void> {
  for (const s of states) {
    const claimed = s.crossed.filter((threshold) => ledger.claimAlert(s.budget.id, s.bounds.start, threshold, s.used, now));
    const threshold = claimed.at(-1);
    if (threshold === undefined) continue;
    warn(io, alertLine(s, threshold, now));
    if (!s.budget.alert_command) continue;
    await runAlert(s.budget.alert_command, {
      TOKENCLI_ALERT_PROFILE: s.budget.profile,
      TOKENCLI_ALERT_PERIOD: s.budget.period,
      TOKENCLI_ALERT_THRESHOLD: String(threshold),
      TOKENCLI_ALERT_PERCENT: String(s.percent),
      TOKENCLI_ALERT_USED: String(s.used),
      TOKENCLI_ALERT_LIMIT: String(s.budget.limit_tokens),
      TOKENCLI_ALERT_HARD: s.budget.hard ? '1' : '0',
      TOKENCLI_ALERT_PERIOD_START: s.bounds.start.toISOString(),
      TOKENCLI_ALERT_PERIOD_END: s.bounds.end.toISOString(),
      TOKENCLI_ALERT_MESSAGE: alertLine(s, threshold, now),
    }).catch((e: Error) => warn(io, `alert command failed: ${e.message}`));
  }
}

/** Runs an alert command through the shell, with the alert in its environment, for at most 10 s. */
export function shellAlertRunner(baseEnv: Record<string, string | undefined>): AlertRunner {
  return async (command, env) => {
    // Loaded by the first alert, not with the module, which every run and budget command loads.
    const { spawn } = await import('node:child_process');
    return new Promise((resolve, reject) => {
      const child = spawn('sh', ['-c', command], { env: { ...baseEnv, ...env }, stdio: ['ignore', 'ignore', 'inherit'], timeout: 10_000 });
      child.once('error', reject);
      child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(signal ? `killed by ${signal}` : `exit ${code}`))));
    });
  };
}

export function windowAlertLine(w: WindowQuota, percent: number, threshold: number, now: Date): string {
  const resets = w.resets_at ? `; resets ${relativeTime(w.resets_at, now)}` : '';
  return `${WINDOW_ADJECTIVE[w.window]} quota window at ${percent}% (threshold ${threshold}%): ${formatTokens(w.used + w.held)} of ${formatTokens(w.limit)} ${w.unit}${resets}`;
}

/**
 * After a run, against the windows its answer reported: each threshold of the profile's window
 * alerts is claimed once per window (the calendar windows by their reset; the rolling window until
 * its use falls back under the threshold, since it never resets all at once), and a jump past
 * several is one alert naming the highest, on stderr and to the alert command, as budgets do.
 * `askedAt` is when the request that brought these windows was sent: the server read them after
 * it. Only a reading newer than a claim may release it: runs overlap, and one that finishes late
 * carries a lower use that the claim has already seen superseded.
 */
export async function raiseWindowAlerts(
  ledger: Ledger,
  who: { profile: string; apiUrl: string; account: string },
  windows: WindowQuota[],
  io: IOStreams,
  o: { now: Date; askedAt: Date },
  runAlert: AlertRunner,
): Promise<void> {
  const now = o.now;
  const alerts = windowAlerts(ledger, who.profile);
  for (const alert of alerts) {
    for (const w of windows.filter((x) => x.window === alert.window)) {
      const state = evaluateWindow(alert.warn, w);
      const key: WindowClaimKey = { alertId: alert.id, apiUrl: who.apiUrl, account: who.account, unit: w.unit, windowStart: w.window === 'rolling_5h' ? 'rolling' : (w.resets_at ?? w.starts_at) };
      if (w.window === 'rolling_5h') releaseWindowAlerts(ledger, key, state.percent, o.askedAt);
      const claimed = state.crossed.filter((threshold) => claimWindowAlert(ledger, key, threshold, state.used, now));
      const threshold = claimed.at(-1);
      if (threshold === undefined) continue;
      const message = windowAlertLine(w, state.percent, threshold, now);
      warn(io, message);
      if (!alert.alert_command) continue;
      await runAlert(alert.alert_command, {
        TOKENCLI_ALERT_PROFILE: who.profile,
        TOKENCLI_ALERT_WINDOW: w.window,
        TOKENCLI_ALERT_UNIT: w.unit,
        TOKENCLI_ALERT_THRESHOLD: String(threshold),
        TOKENCLI_ALERT_PERCENT: String(state.percent),
        TOKENCLI_ALERT_USED: String(state.used),
        TOKENCLI_ALERT_LIMIT: String(w.limit),
        TOKENCLI_ALERT_RESETS_AT: w.resets_at ?? '',
        TOKENCLI_ALERT_MESSAGE: message,
      }).catch((e: Error) => warn(io, `alert command failed: ${e.message}`));
    }
  }
}
