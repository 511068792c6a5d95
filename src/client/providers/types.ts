/** The shape of a provider adapter: base URL, how to verify a key, the balance call, the top-up page, quirks. */
import type { TokenClient } from '../client.js';
import type { ProviderKind } from '../../shared/providers.js';
import type { WindowQuota } from '../../shared/quota.js';

export { PROVIDER_KINDS, type ProviderKind } from '../../shared/providers.js';

/** One amount of money in integer minor units; may be negative (Moonshot's cash in arrears). */
export interface Amount {
  label: string;
  amount_minor: number;
  currency: string;
}

/** A provider's balance in one shape, with the provider's own fields kept under `raw`. */
export interface ProviderBalance {
  provider: ProviderKind;
  /** What can be spent now, when the provider says; money for most, tokens for Token Plan. */
  available: Amount | null;
  /** Every figure the provider gave, for the table (cash, vouchers, key limit, usage…). */
  amounts: Amount[];
  /** False when the provider says the account cannot make calls. */
  usable: boolean | null;
  notes: string[];
  raw: Record<string, unknown>;
}

/** A quota window a provider reported, in the Token Plan window model; `label` names a lane when there are several (MiniMax per model). */
export type ProviderWindow = WindowQuota & { label?: string };

/** A coding-plan provider's quota in the same window model as a Token Plan server's `GET /v1/quota`. */
export interface ProviderQuota {
  provider: ProviderKind;
  /** The plan or membership level, when the provider names it. */
  plan: string | null;
  windows: ProviderWindow[];
  /** What the figures mean where the provider is unclear, and what could not be confirmed. */
  notes: string[];
  raw: unknown;
}

export interface ProviderAdapter {
  kind: ProviderKind;
  label: string;
  /** Base URL of the OpenAI-compatible API; Token Plan servers use their root. */
  defaultBaseUrl: string;
  /** Whether a key is needed at all (a local Ollama ignores it). */
  needsKey: boolean;
  /** Paths are appended to the base URL as-is (OpenAI style) or under /v1 (Token Plan). */
  apiPrefix: '' | '/v1';
  /** The cheapest documented call that proves a key works. */
  verify(client: TokenClient): Promise<unknown>;
  /** Undefined when the provider documents no balance endpoint. */
  balance?: (client: TokenClient) => Promise<ProviderBalance>;
  /** Where a person tops up; no provider here sells credits over an API. */
  topUpUrl?: (baseUrl: string) => string;
  /** The coding plan's quota windows, from the provider's quota endpoint; undefined when it has none. */
  quota?: (client: TokenClient, now: Date) => Promise<ProviderQuota>;
}
