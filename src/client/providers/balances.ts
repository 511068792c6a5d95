/**
 * Balance adapters: each provider's documented balance answer, normalised into ProviderBalance.
 * Amounts become integer minor units from their decimal text; the provider's fields stay in `raw`.
 */
import { joinUrl, rootOf, withoutTrailingSlash } from '../../shared/url.js';
import { z } from 'zod';
import type { TokenClient } from '../client.js';
import { PermissionDeniedError } from '../errors.js';
import { toMinorUnits } from '../../tokens/money.js';
import type { Amount, ProviderBalance, ProviderKind } from './types.js';

const decimal = z.union([z.string(), z.number()]);

function amount(label: string, value: unknown, currency: string): Amount | undefined {
  const minor = toMinorUnits(value);
  return minor === undefined ? undefined : { label, amount_minor: minor, currency };
}

const defined = <T>(xs: (T | undefined)[]) => xs.filter((x): x is T => x !== undefined);

/** Sites in mainland China bill in CNY; their international twins in USD. */
export const currencyOfHost = (baseUrl: string, cnHost: RegExp) => (cnHost.test(new URL(baseUrl).hostname) ? 'CNY' : 'USD');

/** DeepSeek's balance lives outside /v1: strip a trailing /v1 from the base first. */
export const deepseekBalanceUrl = (baseUrl: string) => `${rootOf(baseUrl)}/user/balance`;

const DeepSeekBalance = z.looseObject({
  is_available: z.boolean(),
  balance_infos: z.array(z.looseObject({ currency: z.string(), total_balance: decimal, granted_balance: decimal.optional(), topped_up_balance: decimal.optional() })),
});

export async function deepseekBalance(c: TokenClient): Promise<ProviderBalance> {
  const raw = await c.request('GET', deepseekBalanceUrl(c.opts.baseUrl), { schema: DeepSeekBalance });
  const amounts = raw.balance_infos.flatMap((b) =>
    defined([amount(`total ${b.currency}`, b.total_balance, b.currency), amount(`granted ${b.currency}`, b.granted_balance, b.currency), amount(`topped up ${b.currency}`, b.topped_up_balance, b.currency)]),
  );
  const totals = amounts.filter((a) => a.label.startsWith('total'));
  return { provider: 'deepseek', available: totals[0] ?? null, amounts, usable: raw.is_available, notes: totals.length > 1 ? ['balances in several currencies: the first is shown as available'] : [], raw };
}

const SiliconFlowInfo = z.looseObject({
  data: z.looseObject({ balance: decimal.optional(), chargeBalance: decimal.optional(), totalBalance: decimal }),
});

export async function siliconflowBalance(c: TokenClient): Promise<ProviderBalance> {
  const raw = await c.request('GET', joinUrl(c.opts.baseUrl, '/user/info'), { schema: SiliconFlowInfo });
  const currency = currencyOfHost(c.opts.baseUrl, /siliconflow\.cn$/);
  const total = amount('total', raw.data.totalBalance, currency);
  return {
    provider: 'siliconflow',
    available: total ?? null,
    amounts: defined([total, amount('granted', raw.data.balance, currency), amount('charged', raw.data.chargeBalance, currency)]),
    usable: null,
    notes: ['SiliconFlow gives no currency: inferred from the site (.cn → CNY, otherwise USD)'],
    raw,
  };
}

const MoonshotBalance = z.looseObject({
  data: z.looseObject({ available_balance: z.number(), voucher_balance: z.number().optional(), cash_balance: z.number().optional() }),
});

export async function moonshotBalance(c: TokenClient): Promise<ProviderBalance> {
  const raw = await c.request('GET', joinUrl(c.opts.baseUrl, '/users/me/balance'), { schema: MoonshotBalance });
  const currency = currencyOfHost(c.opts.baseUrl, /moonshot\.cn$/);
  const available = amount('available', raw.data.available_balance, currency);
  const cash = amount('cash', raw.data.cash_balance, currency);
  return {
    provider: 'moonshot',
    available: available ?? null,
    amounts: defined([available, amount('voucher', raw.data.voucher_balance, currency), cash]),
    usable: available ? available.amount_minor > 0 : null,
    notes: cash && cash.amount_minor < 0 ? ['cash is negative (arrears): only vouchers remain available'] : [],
    raw,
  };
}

const StepFunAccount = z.looseObject({ balance: decimal, total_cash_balance: decimal.optional(), total_voucher_balance: decimal.optional(), type: z.string().optional() });

export async function stepfunBalance(c: TokenClient): Promise<ProviderBalance> {
  const raw = await c.request('GET', joinUrl(c.opts.baseUrl, '/accounts'), { schema: StepFunAccount });
  const currency = currencyOfHost(c.opts.baseUrl, /stepfun\.com$/);
  const available = amount('available', raw.balance, currency);
  return {
    provider: 'stepfun',
    available: available ?? null,
    amounts: defined([available, amount('cash deposited', raw.total_cash_balance, currency), amount('vouchers granted', raw.total_voucher_balance, currency)]),
    usable: null,
    notes: raw.type ? [`${raw.type} account`] : [],
    raw,
  };
}

const OpenRouterKey = z.looseObject({
  data: z.looseObject({ limit: z.number().nullable().optional(), limit_remaining: z.number().nullable().optional(), usage: z.number().optional(), limit_reset: z.string().nullable().optional() }),
});
const OpenRouterCredits = z.looseObject({ data: z.looseObject({ total_credits: z.number(), total_usage: z.number() }) });

/**
 * OpenRouter: `/key` works with any key but is the key's own cap; `/credits` is the account's money
 * and needs a management key. What can be spent is the smaller of the two known figures.
 */
export async function openrouterBalance(c: TokenClient): Promise<ProviderBalance> {
  const base = withoutTrailingSlash(c.opts.baseUrl);
  const key = await c.request('GET', `${base}/key`, { schema: OpenRouterKey });
  const notes: string[] = [];
  let credits: z.infer<typeof OpenRouterCredits> | undefined;
  try {
    credits = await c.request('GET', `${base}/credits`, { schema: OpenRouterCredits });
  } catch (e) {
    if (!(e instanceof PermissionDeniedError)) throw e;
    notes.push('the account balance (/credits) needs a management key; showing the key\'s own limit');
  }
  const keyRemaining = key.data.limit_remaining == null ? undefined : amount('key limit remaining', key.data.limit_remaining, 'USD');
  const account = credits ? amount('account credits', credits.data.total_credits - credits.data.total_usage, 'USD') : undefined;
  if (!keyRemaining && !account) notes.push('the key has no limit and the account balance is not visible to it');
  const candidates = defined([keyRemaining, account]);
  const available = candidates.length ? candidates.reduce((a, b) => (b.amount_minor < a.amount_minor ? b : a)) : null;
  return {
    provider: 'openrouter',
    available: available && { ...available, label: 'available' },
    amounts: defined([keyRemaining, account, amount('key usage', key.data.usage, 'USD')]),
    usable: available ? available.amount_minor > 0 : null,
    notes,
    raw: { key: key.data, ...(credits ? { credits: credits.data } : {}) },
  };
}

export type BalanceAdapter = (c: TokenClient) => Promise<ProviderBalance>;
export const BALANCE_ADAPTERS: Partial<Record<ProviderKind, BalanceAdapter>> = {
  openrouter: openrouterBalance,
  deepseek: deepseekBalance,
  siliconflow: siliconflowBalance,
  moonshot: moonshotBalance,
  stepfun: stepfunBalance,
};
