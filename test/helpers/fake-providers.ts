/**
 * Local stand-ins for real providers on 127.0.0.1, replaying the response shapes documented in
 * shared/reference/providers.md (quirks included) and recording every request they receive.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Seen {
  method: string;
  path: string;
  auth: string | undefined;
  body: any;
}

export interface FakeProvider {
  base: string;
  seen: Seen[];
  /** Make the provider answer every chat as out of money, the way it documents. */
  broke: boolean;
  /** Coding plans: make the quota endpoint refuse the key the way the vendor does (MiniMax: HTTP 200 with base_resp 1004). */
  quotaRefused: boolean;
  close(): Promise<void>;
}

type Kind = 'openai' | 'openrouter' | 'deepseek' | 'siliconflow' | 'moonshot' | 'stepfun' | 'ollama' | 'openai-compatible' | 'zhipu' | 'kimi-code' | 'minimax';

const PREFIX: Record<Kind, string> = {
  openai: '/v1',
  openrouter: '/api/v1',
  deepseek: '',
  siliconflow: '/v1',
  moonshot: '/v1',
  stepfun: '/v1',
  ollama: '/v1',
  'openai-compatible': '/v1',
  zhipu: '/api/coding/paas/v4',
  'kimi-code': '/coding/v1',
  minimax: '/v1',
};

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

const chunk = (kind: Kind, delta: object, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: `${kind}-1`, object: 'chat.completion.chunk', created: 1_764_000_000, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

const USAGE = { prompt_tokens: 12, completion_tokens: 4, total_tokens: 16 };

/** Out-of-money answers, as each provider documents them. */
function broke(kind: Kind, res: ServerResponse) {
  switch (kind) {
    case 'openai':
      return json(res, 429, { error: { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', param: null, code: 'insufficient_quota' } });
    case 'openrouter':
      return json(res, 402, { error: { code: 402, message: 'Insufficient credits', metadata: { limit_source: 'openrouter_credits' } } });
    case 'moonshot':
      return json(res, 403, { error: { message: 'Your account is suspended due to insufficient balance', type: 'exceeded_current_quota_error' } });
    default:
      return json(res, 402, { error: { message: 'Insufficient Balance', type: 'unknown_error', param: null, code: 'invalid_request_error' } });
  }
}

function stream(kind: Kind, req: Seen, res: ServerResponse) {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  const wantsUsage = req.body?.stream_options?.include_usage === true;
  const parts: string[] = [];
  if (kind === 'openrouter') parts.push(': OPENROUTER PROCESSING\n\n');
  if (kind === 'deepseek') parts.push(': keep-alive\n\n');
  parts.push(chunk(kind, { role: 'assistant', content: '' }), chunk(kind, { content: 'Hello' }), chunk(kind, { content: ` from ${kind}` }), chunk(kind, {}, 'stop'));
  if (kind === 'openrouter') {
    // Usage always, on a chunk that repeats one empty choice (not OpenAI's empty array).
    parts.push(`data: ${JSON.stringify({ id: 'gen-1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: { ...USAGE, cost: 0.00002 } })}\n\n`);
  } else if (kind === 'openai-compatible' && wantsUsage) {
    // vLLM: the usage chunk carries `choices: null`.
    parts.push(`data: ${JSON.stringify({ id: 'v-1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: null, usage: USAGE })}\n\n`);
  } else if (wantsUsage && kind !== 'stepfun') {
    // StepFun here stands for a provider that ignores include_usage: the CLI must estimate.
    parts.push(`data: ${JSON.stringify({ id: `${kind}-1`, object: 'chat.completion.chunk', created: 1, model: 'm', choices: [], usage: USAGE })}\n\n`);
  }
  parts.push('data: [DONE]\n\n');
  res.end(parts.join(''));
}

const MODELS: Record<Kind, unknown> = {
  openai: { object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', created: 1686935002, owned_by: 'openai' }] },
  openrouter: { data: [{ id: 'openai/gpt-4', canonical_slug: 'openai/gpt-4', name: 'GPT-4', created: 1692901234, context_length: 8192, pricing: { prompt: '0.00003', completion: '0.00006', request: '0' } }] },
  deepseek: { object: 'list', data: [{ id: 'deepseek-chat', object: 'model', owned_by: 'deepseek' }, { id: 'deepseek-reasoner', object: 'model', owned_by: 'deepseek' }] },
  siliconflow: { object: 'list', data: [{ id: 'Qwen/Qwen3-8B', object: 'model', created: 0, owned_by: '' }] },
  moonshot: { object: 'list', data: [{ id: 'kimi-k2.5', object: 'model', created: 123, owned_by: 'moonshot', context_length: 262144 }] },
  stepfun: { object: 'list', data: [{ id: 'step-2-mini', object: 'model', created: 1, owned_by: 'stepai' }] },
  ollama: { object: 'list', data: [{ id: 'llama3.2:latest', object: 'model', created: 1730000000, owned_by: 'library' }] },
  'openai-compatible': { object: 'list', data: [{ id: 'Qwen/Qwen2.5-7B-Instruct', object: 'model', created: 1, owned_by: 'vllm' }] },
  zhipu: { object: 'list', data: [{ id: 'glm-4.6', object: 'model', created: 1, owned_by: 'z-ai' }] },
  'kimi-code': { object: 'list', data: [{ id: 'kimi-for-coding', object: 'model', created: 1, owned_by: 'moonshot' }] },
  minimax: { object: 'list', data: [{ id: 'MiniMax-M2', object: 'model', created: 1, owned_by: 'minimax' }] },
};

const HOUR = 3_600_000;
/** Kimi writes its times with microseconds. */
const kimiTime = (t: number) => new Date(t).toISOString().replace('Z', '941Z');

/**
 * The coding plans' quota answers as the community clients cited in token-plans.md recorded them,
 * relative to now: Zhipu's token windows with `percentage` (USED) only, as since 2026-02, and its
 * MCP calls with counts; Kimi's counts as strings with `used` left out; MiniMax's `usage_count`
 * meaning REMAINING, and a placeholder lane with no allowance.
 */
function quota(kind: 'zhipu' | 'kimi-code' | 'minimax', fake: FakeProvider, res: ServerResponse) {
  const now = Date.now();
  if (kind === 'zhipu') {
    return json(res, 200, {
      code: 200,
      msg: '操作成功',
      data: {
        limits: [
          { type: 'TIME_LIMIT', unit: 5, number: 1, usage: 100, currentValue: 28, remaining: 72, percentage: 28, nextResetTime: now + 10 * 24 * HOUR, usageDetails: [{ modelCode: 'search-prime', usage: 20 }, { modelCode: 'web-reader', usage: 8 }] },
          { type: 'TOKENS_LIMIT', unit: 3, number: 5, percentage: 12, nextResetTime: now + 3 * HOUR },
          { type: 'TOKENS_LIMIT', unit: 6, number: 1, percentage: 40, nextResetTime: now + 2 * 24 * HOUR },
        ],
        level: 'lite',
      },
      success: true,
    });
  }
  if (kind === 'kimi-code') {
    return json(res, 200, {
      usage: { limit: '2048', remaining: '1500', resetTime: kimiTime(now + 3 * 24 * HOUR) },
      limits: [{ window: { duration: 300, timeUnit: 'TIME_UNIT_MINUTE' }, detail: { limit: '200', remaining: '185', resetTime: kimiTime(now + 2 * HOUR) } }],
      user: { membership: { level: 'LEVEL_INTERMEDIATE' } },
    });
  }
  // MiniMax answers a refused key with HTTP 200 and its error code in base_resp (1004: authentication failed).
  if (fake.quotaRefused) return json(res, 200, { model_remains: null, base_resp: { status_code: 1004, status_msg: 'login fail: Please carry the API secret key in the Authorization field of the request header' } });
  return json(res, 200, {
    model_remains: [
      {
        model_name: 'MiniMax-M2',
        start_time: now - 3 * HOUR,
        end_time: now + 2 * HOUR,
        remains_time: 2 * HOUR,
        current_interval_total_count: 1500,
        current_interval_usage_count: 1245,
        weekly_start_time: now - 3 * 24 * HOUR,
        weekly_end_time: now + 4 * 24 * HOUR,
        weekly_remains_time: 4 * 24 * HOUR,
        current_weekly_total_count: 15000,
        current_weekly_usage_count: 14000,
      },
      { model_name: 'video', start_time: now - 3 * HOUR, end_time: now + 2 * HOUR, remains_time: 2 * HOUR, current_interval_total_count: 0, current_interval_usage_count: 0, current_weekly_total_count: 0, current_weekly_usage_count: 0 },
    ],
    base_resp: { status_code: 0, status_msg: 'success' },
  });
}

function route(kind: Kind, req: Seen, res: ServerResponse, fake: FakeProvider) {
  const p = req.path.replace(/\?.*$/, '');
  const prefix = PREFIX[kind];
  if (kind !== 'ollama' && !req.auth?.startsWith('Bearer ')) return kind === 'siliconflow' ? json(res, 401, '"Invalid token"') : json(res, 401, { error: { message: 'no key', type: 'invalid_request_error', code: 'invalid_api_key', param: null } });
  if (req.auth === 'Bearer rejected') return json(res, 401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key', param: null } });
  if (req.method === 'GET' && p === `${prefix}/models`) return json(res, 200, MODELS[kind]);
  if (req.method === 'POST' && p === `${prefix}/chat/completions`) return fake.broke ? broke(kind, res) : stream(kind, req, res);
  if (kind === 'openrouter' && p === '/api/v1/key') return json(res, 200, { data: { label: 'sk-or-v1-au7...890', limit: 100, limit_remaining: 74.5, limit_reset: 'monthly', usage: 25.5, is_free_tier: false } });
  if (kind === 'openrouter' && p === '/api/v1/credits') return json(res, 403, { error: { code: 403, message: 'Only management keys can perform this operation' } });
  if (kind === 'deepseek' && p === '/user/balance') return json(res, 200, { is_available: true, balance_infos: [{ currency: 'CNY', total_balance: '110.00', granted_balance: '10.00', topped_up_balance: '100.00' }] });
  if (kind === 'siliconflow' && p === '/v1/user/info') return json(res, 200, { code: 20000, message: 'OK', status: true, data: { id: 'u', name: '', balance: '0.88', status: 'normal', chargeBalance: '88.00', totalBalance: '88.88' } });
  if (kind === 'moonshot' && p === '/v1/users/me/balance') return json(res, 200, { code: 0, data: { available_balance: 49.58894, voucher_balance: 50.58893, cash_balance: -1.00001 }, scode: '0x0', status: true });
  if (kind === 'stepfun' && p === '/v1/accounts') return json(res, 200, { object: 'account', type: 'prepaid', balance: 12.5, total_cash_balance: 0, total_voucher_balance: 26 });
  if (kind === 'zhipu' && p === '/api/monitor/usage/quota/limit') return quota(kind, fake, res);
  if (kind === 'kimi-code' && p === '/coding/v1/usages') return quota(kind, fake, res);
  if (kind === 'minimax' && p === '/v1/api/openplatform/coding_plan/remains') return quota(kind, fake, res);
  if (kind === 'ollama' && p === '/api/show') return json(res, 200, { model_info: { 'general.architecture': 'llama', 'llama.context_length': 131072 } });
  json(res, 404, { error: { message: `no route ${req.method} ${p}`, type: 'not_found', code: null, param: null } });
}

export async function fakeProvider(kind: Kind): Promise<FakeProvider> {
  const fake = { seen: [] as Seen[], broke: false, quotaRefused: false } as FakeProvider;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (d) => (raw += d));
    req.on('end', () => {
      const seen: Seen = { method: req.method ?? 'GET', path: req.url ?? '/', auth: req.headers.authorization, body: raw ? JSON.parse(raw) : undefined };
      fake.seen.push(seen);
      route(kind, seen, res, fake);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}${PREFIX[kind]}`;
  fake.close = () => new Promise((r) => server.close(() => r()));
  return fake;
}
