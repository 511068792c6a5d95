/**
 * What every completed order leaves behind locally: a purchase, a subscription or an upgrade, paid
 * instantly, by phone bill at the code prompt, or later with `payment confirm`. The balance and the
 * quota are fetched once more and kept, so `balance --offline` and `quota --offline` (and
 * `quota --line`) start from what was bought instead of under-counting until the next online look.
 */
import type { TokenClient } from '../client/client.js';
import { Quota as QuotaApi } from '../client/resources/quota.js';
import type { Ledger } from '../ledger/ledger.js';
import type { Context } from './context.js';
import type { Balance } from '../shared/wire.js';
import { keepQuota } from './commands/quota/snapshot.js';
import { warn } from './io/messages.js';
import type { IOStreams } from './io/streams.js';

export interface LocalState {
  io: IOStreams;
  ledger: () => Promise<Ledger>;
  apiUrl: string;
  account: () => Promise<string>;
  now: () => Date;
}

/** Where a command that completes an order keeps what it leaves behind (the server's address is looked up when needed). */
export const localStateOf =
  (ctx: Context) =>
  async (): Promise<LocalState> => ({ io: ctx.io, ledger: ctx.ledger, apiUrl: await ctx.apiUrl(), account: ctx.account, now: ctx.now });

/** Fetches the balance and quota after an order and keeps both for the offline estimates; returns the balance. */
export async function rememberAfterOrder(w: LocalState, client: TokenClient): Promise<Balance> {
  const [balance, quota] = await Promise.all([client.balance.get(), new QuotaApi(client).get()]);
  const now = w.now();
  await keepBalance(w, balance, now);
  await keepQuota(w, quota, now);
  return balance;
}

/** The server's balance, kept for the offline estimate where the home can be written. */
export async function keepBalance(w: Omit<LocalState, 'now'>, balance: Balance, now: Date): Promise<void> {
  // The answer is the server's either way: a home that cannot keep it (locked, full, read-only)
  // costs only the next offline estimate, never this command.
  try {
    (await w.ledger()).saveBalance({ api_url: w.apiUrl, account: await w.account(), tokens_remaining: balance.tokens_remaining, seen_at: now.toISOString(), document: balance });
  } catch (e) {
    warn(w.io, `could not keep this balance for offline estimates (${(e as Error).message})`);
  }
}
