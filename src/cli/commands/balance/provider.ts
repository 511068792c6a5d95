/**
 * Balance for providers other than Token Plan servers: their own answer normalised (money, with
 * the raw fields kept), or, where a provider documents no balance endpoint, the local ledger's
 * spend instead and a plain statement of that.
 */
import type { ProviderBalance, ProviderAdapter } from '../../../client/providers/types.js';
import type { TokenClient } from '../../../client/client.js';
import type { Ledger } from '../../../ledger/ledger.js';
import { QuotaError, UsageError } from '../../errors.js';
import { formatMoney, formatTokens } from '../../io/format.js';
import { note, warn } from '../../io/messages.js';
import type { IOStreams } from '../../io/streams.js';
import { printFacts, printTable } from '../../io/table.js';
import { printJson } from '../../io/json.js';
import { parseMoney } from '../../../tokens/money.js';

export interface ProviderBalanceOptions {
  io: IOStreams;
  profile: ProviderAdapter;
  profileName: string;
  apiUrl: string;
  client: () => Promise<TokenClient>;
  ledger: () => Promise<Ledger>;
  min?: string;
  json: boolean;
  now: () => Date;
}

const LEDGER_WINDOW_MS = 30 * 86_400_000;

export async function providerBalanceRun(opts: ProviderBalanceOptions): Promise<void> {
  const { profile } = opts;
  if (!profile.balance) {
    if (opts.min !== undefined) throw new UsageError(`${profile.kind} offers no balance API, so --min cannot be checked`, 'use a budget instead: tokencli budget set --period month --tokens N --hard');
    const since = new Date(opts.now().getTime() - LEDGER_WINDOW_MS);
    const spent = (await opts.ledger()).totals({ profile: opts.profileName, since: since.toISOString() });
    if (opts.json) return printJson(opts.io, { provider: profile.kind, available: null, balance_api: false, local_spend_30d: spent });
    note(opts.io, false, `${profile.kind} documents no balance endpoint; showing this profile's local spend instead`);
    printFacts(opts.io, [
      { key: 'runs', label: 'runs (30 days)', human: formatTokens(spent.runs), raw: spent.runs },
      { key: 'prompt_tokens', label: 'tokens in', human: formatTokens(spent.prompt_tokens), raw: spent.prompt_tokens },
      { key: 'completion_tokens', label: 'tokens out', human: formatTokens(spent.completion_tokens), raw: spent.completion_tokens },
    ]);
    return;
  }

  const balance: ProviderBalance = await profile.balance(await opts.client());
  if (opts.json) printJson(opts.io, balance);
  else {
    for (const n of balance.notes) note(opts.io, false, n);
    if (balance.usable === false) warn(opts.io, `${profile.kind} says this account cannot make calls right now`);
    printTable(
      opts.io,
      [
        { key: 'label', title: '', human: (a) => a.label, raw: (a) => a.label },
        { key: 'amount_minor', title: '', human: (a) => formatMoney(a), raw: (a) => a.amount_minor },
        { key: 'currency', title: '', human: () => '', raw: (a) => a.currency, pipedOnly: true },
      ],
      balance.amounts,
    );
  }
  if (opts.min === undefined) return;
  const min = parseMoney(opts.min);
  if (!min) throw new UsageError(`--min for ${profile.kind} is money, such as 5 or 5.50, not "${opts.min}"`);
  if (!balance.available) throw new UsageError(`${profile.kind} did not say how much is available, so --min cannot be checked`);
  const available = balance.available;
  if (available.currency !== min.currency && opts.min.match(/[A-Za-z¥$€£]/)) {
    throw new UsageError(`the balance is in ${available.currency}, the minimum in ${min.currency}`);
  }
  if (available.amount_minor < min.amount_minor) {
    throw new QuotaError(`${formatMoney(available)} available, below the minimum of ${formatMoney({ ...min, currency: available.currency })}`, `top up: ${profile.topUpUrl?.(opts.apiUrl) ?? 'on the provider\'s website'}`);
  }
}
