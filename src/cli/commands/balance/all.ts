/** `balance --all`: every profile at once, concurrently; one failing provider is a row, not a failure. */
import type { TokenClient } from '../../../client/client.js';
import type { Money } from '../../../tokens/money.js';
import type { ProviderAdapter } from '../../../client/providers/types.js';
import type { ProviderKind } from '../../../config/settings.js';
import { describeError } from '../../errors.js';
import { formatMoney, formatTokens } from '../../io/format.js';
import type { IOStreams } from '../../io/streams.js';
import { printTable } from '../../io/table.js';
import { printJson } from '../../io/json.js';

export interface ProfileTarget {
  name: string;
  provider: ProviderKind;
  apiUrl: string;
  profile: ProviderAdapter;
  client: () => Promise<TokenClient>;
}

interface Row {
  profile: string;
  provider: ProviderKind;
  api_url: string;
  available: Money | { tokens: number } | null;
  balance: unknown;
  error: string | null;
}

async function one(t: ProfileTarget): Promise<Row> {
  const base = { profile: t.name, provider: t.provider, api_url: t.apiUrl };
  try {
    const client = await t.client();
    if (t.provider === 'tokenplan') {
      const b = await client.balance.get();
      return { ...base, available: { tokens: b.tokens_remaining }, balance: b, error: null };
    }
    if (!t.profile.balance) return { ...base, available: null, balance: null, error: `${t.provider} offers no balance API` };
    const b = await t.profile.balance(client);
    return { ...base, available: b.available && { amount_minor: b.available.amount_minor, currency: b.available.currency }, balance: b, error: null };
  } catch (e) {
    return { ...base, available: null, balance: null, error: describeError(e).lines[0] ?? String(e) };
  }
}

export async function balanceAllRun(o: { io: IOStreams; targets: ProfileTarget[]; json: boolean }): Promise<void> {
  const stop = o.io.spinner(`Asking ${o.targets.length} providers`).stop;
  const rows = await Promise.all(o.targets.map(one)).finally(stop);
  if (o.json) return printJson(o.io, { profiles: rows });
  const shown = (r: Row) => (!r.available ? '-' : 'tokens' in r.available ? `${formatTokens(r.available.tokens)} tokens` : formatMoney(r.available));
  const tokens = (r: Row) => (r.available && 'tokens' in r.available ? r.available.tokens : null);
  const money = (r: Row) => (r.available && 'amount_minor' in r.available ? r.available : null);
  printTable<Row>(
    o.io,
    [
      { key: 'profile', title: 'profile', human: (r) => r.profile, raw: (r) => r.profile },
      { key: 'provider', title: 'provider', human: (r) => r.provider, raw: (r) => r.provider, drop: 1 },
      { key: 'tokens_remaining', title: 'available', human: shown, raw: tokens },
      { key: 'available_minor', title: '', human: () => '', raw: (r) => money(r)?.amount_minor, pipedOnly: true },
      { key: 'currency', title: '', human: () => '', raw: (r) => money(r)?.currency, pipedOnly: true },
      { key: 'error', title: 'error', human: (r) => r.error ?? '', raw: (r) => r.error },
    ],
    rows,
  );
}
