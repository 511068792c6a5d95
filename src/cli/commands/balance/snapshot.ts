import type { Ledger } from '../../../ledger/ledger.js';
import type { Balance } from '../../../shared/wire.js';

/** Keeps the last balance seen with its time, for the offline estimate. */
export function rememberBalance(ledger: Ledger, profile: string, apiUrl: string, balance: Balance, now: Date): void {
  ledger.saveBalance({ profile, api_url: apiUrl, tokens_remaining: balance.tokens_remaining, seen_at: now.toISOString(), document: balance });
}
