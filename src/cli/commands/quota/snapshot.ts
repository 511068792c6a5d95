/** Keeping the quota windows seen (from `quota`, or a run's answer headers) in the ledger, and reading them back for the offline estimate. */
import type { HeaderBag } from '../../../client/wire-response.js';
import type { Ledger } from '../../../ledger/ledger.js';
import { lastQuotaSnapshot, localSpendSince, saveQuotaSnapshot } from '../../../ledger/quota-store.js';
import type { Quota } from '../../../shared/quota.js';
import { warn } from '../../io/messages.js';
import type { IOStreams } from '../../io/streams.js';
import { snapshotAfterRun, windowsInHeaders, type StoredQuota } from './headers.js';
import type { SpendSince } from './offline.js';

interface Where {
  io: IOStreams;
  ledger: () => Promise<Ledger>;
  apiUrl: string;
  account: () => Promise<string>;
}

/** The server's quota, kept for the offline estimate where the home can be written. */
export async function keepQuota(w: Where, quota: StoredQuota, now: Date): Promise<void> {
  // The answer is the server's either way: a home that cannot keep it costs only the next estimate.
  try {
    saveQuotaSnapshot(await w.ledger(), { api_url: w.apiUrl, account: await w.account(), seen_at: now.toISOString(), quota: quota as Quota });
  } catch (e) {
    warn(w.io, `could not keep this quota for offline estimates (${(e as Error).message})`);
  }
}

export const lastQuota = (ledger: Ledger, apiUrl: string, account: string) => {
  const s = lastQuotaSnapshot(ledger, apiUrl, account);
  return s && { seen_at: s.seen_at, quota: s.quota as StoredQuota };
};

export const spendSince = (ledger: Ledger, apiUrl: string, account: string): SpendSince => (since) => localSpendSince(ledger, apiUrl, account, since.toISOString());

/**
 * After a run: the windows its answer's headers carried, with the run added, become the snapshot.
 * Returns them (for window alerts), or undefined when the answer carried none.
 */
export function keepRunWindows(ledger: Ledger, apiUrl: string, account: string, headers: HeaderBag | undefined, billed: number, now: Date): StoredQuota | undefined {
  const windows = headers ? windowsInHeaders(headers) : [];
  if (windows.length === 0) return undefined;
  const quota = snapshotAfterRun(lastQuota(ledger, apiUrl, account)?.quota, windows, { billed }, now);
  saveQuotaSnapshot(ledger, { api_url: apiUrl, account, seen_at: now.toISOString(), quota: quota as Quota });
  return quota;
}
