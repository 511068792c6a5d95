/**
 * Coding-plan quota adapters: each vendor's quota endpoint read into the Token Plan window model
 * (unit, window, limit, used, remaining, resets_at), so `tokencli quota` answers for them as for a
 * Token Plan server. None of these endpoints is in a vendor's published API reference; the shapes
 * come from the community clients cited in shared/reference/token-plans.md and providers.md, and
 * every reading that could not be confirmed says so in its notes (and in the README).
 */
import { z } from 'zod';
import { joinUrl } from '../../shared/url.js';
import { ROLLING_MS, periodStart } from '../../tokens/windows.js';
import type { TokenClient } from '../client.js';
import { AuthenticationError, ServerError } from '../errors.js';
import type { ProviderQuota, ProviderWindow } from './types.js';

const iso = (t: number) => new Date(t).toISOString();
const WEEK_MS = 7 * 86_400_000;

/** What a provider reports of one window. */
interface Figures {
  unit: ProviderWindow['unit'];
  window: ProviderWindow['window'];
  limit: number;
  used: number;
  remaining: number;
  resets_at: string | null;
  starts_at?: string;
  label?: string;
}

/** A window from a provider's figures; its start, which no vendor here reports for every window, derived from its reset. */
function windowOf(w: Figures, now: Date): ProviderWindow {
  const resets = w.resets_at === null ? undefined : Date.parse(w.resets_at);
  const start =
    w.starts_at ??
    iso(
      w.window === 'rolling_5h'
        ? now.getTime() - ROLLING_MS
        : resets === undefined
          ? now.getTime()
          : w.window === 'week'
            ? resets - WEEK_MS
            : periodStart(resets, -1, 'Asia/Shanghai'),
    );
  return { ...w, held: 0, remaining: Math.max(0, w.remaining), starts_at: start };
}

/** The share form, for windows reported only as a percentage used: the limit is 100. */
const share = (percentUsed: number) => ({ unit: 'percent' as const, limit: 100, used: Math.min(100, Math.max(0, Math.round(percentUsed))), remaining: Math.max(0, 100 - Math.round(percentUsed)) });

// ---------------------------------------------------------------------------------------------
// Zhipu GLM Coding Plan: GET {origin}/api/monitor/usage/quota/limit (open.bigmodel.cn, api.z.ai)

const ZhipuLimit = z.looseObject({
  type: z.string(),
  unit: z.number().int(),
  number: z.number().int().optional(),
  usage: z.number().optional(),
  currentValue: z.number().optional(),
  remaining: z.number().optional(),
  percentage: z.number(),
  nextResetTime: z.number().optional(),
});
const ZhipuQuota = z.looseObject({
  code: z.number().optional(),
  msg: z.string().optional(),
  success: z.boolean().optional(),
  data: z.looseObject({ limits: z.array(ZhipuLimit), level: z.string().optional() }).nullish(),
});

/** Zhipu's unit codes (community readings, unconfirmed): 3 hours (number 5: the rolling 5 h), 5 a month, 6 a week. */
function zhipuWindow(l: z.infer<typeof ZhipuLimit>): ProviderWindow['window'] | undefined {
  if (l.unit === 3 && (l.number ?? 5) === 5) return 'rolling_5h';
  if (l.unit === 6) return 'week';
  if (l.unit === 5) return 'cycle';
  return undefined;
}

export const zhipuQuotaUrl = (baseUrl: string) => `${new URL(baseUrl).origin}/api/monitor/usage/quota/limit`;

export async function zhipuQuota(c: TokenClient, now: Date): Promise<ProviderQuota> {
  const raw = await c.request('GET', zhipuQuotaUrl(c.opts.baseUrl), { schema: ZhipuQuota });
  // Errors arrive as HTTP 200 with the envelope saying so.
  if (raw.success === false || (raw.code !== undefined && raw.code !== 200) || !raw.data) {
    const message = `zhipu: ${raw.msg ?? 'the quota endpoint answered without data'} (code ${raw.code ?? '?'})`;
    throw raw.code === 401 ? new AuthenticationError(401, 'authentication_error', String(raw.code), message) : new ServerError(502, 'provider_error', String(raw.code ?? ''), message);
  }
  const notes = ['Zhipu does not document this endpoint; the window of each unit code (3 = hours, 6 = week, 5 = month) is a community reading, not confirmed'];
  const windows: ProviderWindow[] = [];
  for (const l of raw.data.limits) {
    const window = zhipuWindow(l);
    if (!window) {
      notes.push(`a ${l.type} limit with unit code ${l.unit} is not understood and is left out`);
      continue;
    }
    const tools = l.type === 'TIME_LIMIT';
    // `percentage` is the share USED. Since 2026-02 token windows carry only it, not the counts.
    const counts = l.usage !== undefined && l.currentValue !== undefined ? { unit: tools ? ('requests' as const) : ('tokens' as const), limit: l.usage, used: l.currentValue, remaining: l.remaining ?? l.usage - l.currentValue } : share(l.percentage);
    windows.push(windowOf({ ...counts, window, resets_at: l.nextResetTime === undefined ? null : iso(l.nextResetTime), ...(tools ? { label: 'MCP tool calls' } : {}) }, now));
  }
  if (windows.some((w) => w.unit === 'percent')) notes.push('Zhipu reports only the share used of some windows (no counts): shown in percent');
  return { provider: 'zhipu', plan: raw.data.level ?? null, windows, notes, raw };
}

// ---------------------------------------------------------------------------------------------
// Kimi Code: GET https://api.kimi.com/coding/v1/usages

/** Kimi sends its counts as decimal strings. */
const count = z.union([z.string().regex(/^\d+$/).transform(Number), z.number().int().nonnegative()]);
const KimiDetail = z.looseObject({ limit: count, used: count.optional(), remaining: count.optional(), resetTime: z.string().optional() });
const KimiUsages = z.looseObject({
  usage: KimiDetail.optional(),
  limits: z.array(z.looseObject({ window: z.looseObject({ duration: z.number(), timeUnit: z.string() }), detail: KimiDetail })).optional(),
  user: z.looseObject({ membership: z.looseObject({ level: z.string().optional() }).optional() }).optional(),
});

const KIMI_UNIT_MS: Record<string, number> = { TIME_UNIT_SECOND: 1000, TIME_UNIT_MINUTE: 60_000, TIME_UNIT_HOUR: 3_600_000, TIME_UNIT_DAY: 86_400_000 };

function kimiFigures(d: z.infer<typeof KimiDetail>) {
  // `used` is often absent: what is left is what Kimi always gives.
  const used = d.used ?? (d.remaining === undefined ? 0 : d.limit - d.remaining);
  const reset = d.resetTime === undefined ? NaN : Date.parse(d.resetTime);
  return { unit: 'requests' as const, limit: d.limit, used, remaining: d.remaining ?? d.limit - used, resets_at: Number.isNaN(reset) ? null : iso(reset) };
}

export async function kimiCodeQuota(c: TokenClient, now: Date): Promise<ProviderQuota> {
  const raw = await c.request('GET', joinUrl(c.opts.baseUrl, '/usages'), { schema: KimiUsages });
  const notes = ['Kimi does not document this endpoint or the unit of its counts (shown as requests); the overall figure is read as the weekly window, which could not be confirmed'];
  const windows: ProviderWindow[] = [];
  for (const l of raw.limits ?? []) {
    const ms = l.window.duration * (KIMI_UNIT_MS[l.window.timeUnit] ?? NaN);
    if (ms !== ROLLING_MS) {
      notes.push(`a ${l.window.duration} ${l.window.timeUnit} window is not one tokencli models and is left out`);
      continue;
    }
    windows.push(windowOf({ ...kimiFigures(l.detail), window: 'rolling_5h' }, now));
  }
  if (raw.usage) windows.push(windowOf({ ...kimiFigures(raw.usage), window: 'week' }, now));
  return { provider: 'kimi-code', plan: raw.user?.membership?.level ?? null, windows, notes, raw };
}

// ---------------------------------------------------------------------------------------------
// MiniMax Coding/Token Plan: GET {origin}/v1/api/openplatform/coding_plan/remains

const ms = z.number().int().nonnegative();
const MiniMaxLane = z.looseObject({
  model_name: z.string().optional(),
  start_time: ms.optional(),
  end_time: ms.optional(),
  remains_time: ms.optional(),
  current_interval_total_count: z.number().int().nonnegative().optional(),
  current_interval_usage_count: z.number().int().nonnegative().optional(),
  weekly_start_time: ms.optional(),
  weekly_end_time: ms.optional(),
  weekly_remains_time: ms.optional(),
  current_weekly_total_count: z.number().int().nonnegative().optional(),
  current_weekly_usage_count: z.number().int().nonnegative().optional(),
});
const MiniMaxRemains = z.looseObject({
  model_remains: z.array(MiniMaxLane).nullish(),
  base_resp: z.looseObject({ status_code: z.number(), status_msg: z.string().optional() }).optional(),
});

export const minimaxQuotaUrl = (baseUrl: string) => `${new URL(baseUrl).origin}/v1/api/openplatform/coding_plan/remains`;

/** MiniMax's code for a key it does not accept (observed, not documented). */
const MINIMAX_AUTH_FAILED = 1004;

export async function minimaxQuota(c: TokenClient, now: Date): Promise<ProviderQuota> {
  const raw = await c.request('GET', minimaxQuotaUrl(c.opts.baseUrl), { schema: MiniMaxRemains });
  const status = raw.base_resp?.status_code ?? 0;
  if (status !== 0) {
    const message = `minimax: ${raw.base_resp?.status_msg ?? 'error'} (status_code ${status})`;
    throw status === MINIMAX_AUTH_FAILED ? new AuthenticationError(401, 'authentication_error', String(status), message) : new ServerError(502, 'provider_error', String(status), message);
  }
  const windows: ProviderWindow[] = [];
  for (const lane of raw.model_remains ?? []) {
    const label = lane.model_name;
    const lanes = [
      { window: 'rolling_5h' as const, total: lane.current_interval_total_count, left: lane.current_interval_usage_count, start: lane.start_time, end: lane.end_time ?? (lane.remains_time === undefined ? undefined : now.getTime() + lane.remains_time) },
      { window: 'week' as const, total: lane.current_weekly_total_count, left: lane.current_weekly_usage_count, start: lane.weekly_start_time, end: lane.weekly_end_time ?? (lane.weekly_remains_time === undefined ? undefined : now.getTime() + lane.weekly_remains_time) },
    ];
    for (const l of lanes) {
      // A lane with no allowance is a placeholder (an unlimited or unused model class).
      if (!l.total) continue;
      // The trap: `*_usage_count` is what is LEFT, not what was used.
      const remaining = Math.min(l.total, l.left ?? l.total);
      windows.push(windowOf({ unit: 'requests', window: l.window, limit: l.total, used: l.total - remaining, remaining, resets_at: l.end === undefined ? null : iso(l.end), ...(l.start !== undefined ? { starts_at: iso(l.start) } : {}), ...(label ? { label } : {}) }, now));
    }
  }
  const notes = ['MiniMax does not document this endpoint; its `usage_count` fields are read as the count REMAINING, as independent clients observed, which MiniMax has not confirmed'];
  return { provider: 'minimax', plan: null, windows, notes, raw };
}
