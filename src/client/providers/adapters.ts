/**
 * What tokencli knows about each kind of provider: its default base URL, how a key is checked,
 * its balance adapter (or none), and where a person tops up. Facts and their sources are in
 * shared/reference/providers.md; the unconfirmed ones are marked there and in the README.
 */
import { joinUrl } from '../../shared/url.js';
import type { TokenClient } from '../client.js';
import { PROVIDER_KINDS, type ProviderKind, type ProviderAdapter, type ProviderBalance } from './types.js';

/** The balance adapters carry zod schemas: loaded when a balance is asked for, not by every client. */
const balances = () => import('./balances.js');
const balanceOf = (kind: ProviderKind) => async (c: TokenClient): Promise<ProviderBalance> => (await balances()).BALANCE_ADAPTERS[kind]!(c);

/** The quota adapters carry zod schemas too: loaded only when a quota is asked for. */
const quotas = () => import('./quotas.js');

const listModels = (c: TokenClient) => c.models.list();
const get = (path: string) => (c: TokenClient) => c.request('GET', joinUrl(c.opts.baseUrl, path));
const cnOrIntl = (cn: string, intl: string) => (baseUrl: string) => (/\.cn(:\d+)?$/.test(new URL(baseUrl).hostname) ? cn : intl);

const openAiStyle = { apiPrefix: '' as const, needsKey: true };

export const PROVIDERS: Record<ProviderKind, ProviderAdapter> = {
  tokenplan: {
    kind: 'tokenplan',
    label: 'A Token Plan server (tokencli serve, or a carrier that speaks the Token Plan API)',
    defaultBaseUrl: 'http://127.0.0.1:8787',
    apiPrefix: '/v1',
    needsKey: true,
    verify: (c) => c.account.get(),
  },
  openai: {
    ...openAiStyle,
    kind: 'openai',
    label: 'OpenAI',
    defaultBaseUrl: 'https://api.openai.com/v1',
    verify: listModels,
    topUpUrl: () => 'https://platform.openai.com/settings/organization/billing/overview',
  },
  openrouter: {
    ...openAiStyle,
    kind: 'openrouter',
    label: 'OpenRouter',
    defaultBaseUrl: 'https://openrouter.ai/api/v1',
    verify: get('/key'),
    balance: balanceOf('openrouter'),
    topUpUrl: () => 'https://openrouter.ai/settings/credits',
  },
  deepseek: {
    ...openAiStyle,
    kind: 'deepseek',
    label: 'DeepSeek',
    defaultBaseUrl: 'https://api.deepseek.com',
    verify: async (c) => c.request('GET', (await balances()).deepseekBalanceUrl(c.opts.baseUrl)),
    balance: balanceOf('deepseek'),
    topUpUrl: () => 'https://platform.deepseek.com/top_up',
  },
  siliconflow: {
    ...openAiStyle,
    kind: 'siliconflow',
    label: 'SiliconFlow (api.siliconflow.cn in CNY; api.siliconflow.com international)',
    defaultBaseUrl: 'https://api.siliconflow.cn/v1',
    verify: get('/user/info'),
    balance: balanceOf('siliconflow'),
    topUpUrl: cnOrIntl('https://cloud.siliconflow.cn/expensebill', 'https://cloud.siliconflow.com/expensebill'),
  },
  moonshot: {
    ...openAiStyle,
    kind: 'moonshot',
    label: 'Moonshot / Kimi (api.moonshot.cn in CNY; api.moonshot.ai in USD)',
    defaultBaseUrl: 'https://api.moonshot.cn/v1',
    verify: get('/users/me/balance'),
    balance: balanceOf('moonshot'),
    topUpUrl: cnOrIntl('https://platform.moonshot.cn/console/pay', 'https://platform.moonshot.ai/console/pay'),
  },
  stepfun: {
    ...openAiStyle,
    kind: 'stepfun',
    label: 'StepFun (api.stepfun.com; api.stepfun.ai international)',
    defaultBaseUrl: 'https://api.stepfun.com/v1',
    verify: get('/accounts'),
    balance: balanceOf('stepfun'),
    topUpUrl: () => 'https://platform.stepfun.com/account-overview',
  },
  ollama: {
    ...openAiStyle,
    kind: 'ollama',
    label: 'Ollama (local models; no key)',
    defaultBaseUrl: 'http://localhost:11434/v1',
    needsKey: false,
    verify: listModels,
  },
  'openai-compatible': {
    ...openAiStyle,
    kind: 'openai-compatible',
    label: 'Any other OpenAI-compatible server (vLLM, LiteLLM, …)',
    defaultBaseUrl: 'http://localhost:8000/v1',
    verify: listModels,
  },
  // Coding plans: chat through the vendor's OpenAI-compatible coding endpoint, quota through its
  // (undocumented) quota endpoint, which also proves the plan key. See client/providers/quotas.ts.
  zhipu: {
    ...openAiStyle,
    kind: 'zhipu',
    label: 'Zhipu GLM Coding Plan (open.bigmodel.cn; api.z.ai international)',
    defaultBaseUrl: 'https://open.bigmodel.cn/api/coding/paas/v4',
    verify: async (c) => (await quotas()).zhipuQuota(c, new Date()),
    quota: async (c, now) => (await quotas()).zhipuQuota(c, now),
    topUpUrl: cnOrIntl('https://bigmodel.cn/glm-coding', 'https://z.ai/subscribe'),
  },
  'kimi-code': {
    ...openAiStyle,
    kind: 'kimi-code',
    label: 'Kimi Code (api.kimi.com/coding; its own plan keys)',
    defaultBaseUrl: 'https://api.kimi.com/coding/v1',
    verify: async (c) => (await quotas()).kimiCodeQuota(c, new Date()),
    quota: async (c, now) => (await quotas()).kimiCodeQuota(c, now),
    topUpUrl: () => 'https://www.kimi.com/code',
  },
  minimax: {
    ...openAiStyle,
    kind: 'minimax',
    label: 'MiniMax Coding/Token Plan (api.minimaxi.com; api.minimax.io international)',
    defaultBaseUrl: 'https://api.minimaxi.com/v1',
    verify: async (c) => (await quotas()).minimaxQuota(c, new Date()),
    quota: async (c, now) => (await quotas()).minimaxQuota(c, now),
    topUpUrl: cnOrIntl('https://platform.minimaxi.com/user-center/payment/token-plan', 'https://platform.minimax.io/user-center/payment/token-plan'),
  },
};

export const providerAdapter = (kind: ProviderKind): ProviderAdapter => PROVIDERS[kind];
export { PROVIDER_KINDS, type ProviderKind };
