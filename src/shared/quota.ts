/**
 * Wire types of subscriptions and quota windows (Token Plan API v1): a subscription plan's limits,
 * an account's subscription, and GET /v1/quota's figures per window. Apart from wire.ts so that the
 * pack types existing clients parse stay as they were.
 */
import { z } from 'zod';
import { MoneySchema, listOf } from './wire.js';

export const QuotaUnit = z.enum(['tokens', 'requests']);
export const QuotaWindow = z.enum(['rolling_5h', 'week', 'cycle']);

export const LimitSchema = z.looseObject({ unit: QuotaUnit, window: QuotaWindow, cap: z.number().int().positive() });
export type Limit = z.infer<typeof LimitSchema>;

export const SubscriptionPlanSchema = z.looseObject({
  id: z.string(),
  kind: z.literal('subscription'),
  name: z.string(),
  description: z.string(),
  /** The monthly price from the second period on. */
  price: MoneySchema,
  first_period_price: MoneySchema,
  /** Where the week (Monday 00:00) and the cycle day are reckoned. */
  time_zone: z.string(),
  limits: z.array(LimitSchema),
});
export type SubscriptionPlan = z.infer<typeof SubscriptionPlanSchema>;
export const SubscriptionPlanListSchema = listOf(SubscriptionPlanSchema);

export const SubscriptionSchema = z.looseObject({
  id: z.string(),
  plan_id: z.string(),
  status: z.enum(['active', 'ended']),
  auto_renew: z.boolean(),
  time_zone: z.string(),
  started_at: z.string(),
  current_period_start: z.string(),
  current_period_end: z.string(),
  price: MoneySchema,
});
export type Subscription = z.infer<typeof SubscriptionSchema>;

/**
 * What a window counts. `percent` is for coding-plan providers that report only the used share
 * (Zhipu's token windows): the limit is then 100. A Token Plan server never sends it.
 */
export const WindowUnit = z.enum(['tokens', 'requests', 'percent']);

export const WindowQuotaSchema = z.looseObject({
  unit: WindowUnit,
  window: QuotaWindow,
  limit: z.number().int().nonnegative(),
  /** Settled usage counted in the window. */
  used: z.number().int().nonnegative(),
  /** Reserved by requests still running. */
  held: z.number().int().nonnegative(),
  /** limit − used − held, never below zero. */
  remaining: z.number().int().nonnegative(),
  starts_at: z.string(),
  /** When the window next gives capacity back; null for a rolling window with nothing in it. */
  resets_at: z.string().nullable(),
});
export type WindowQuota = z.infer<typeof WindowQuotaSchema>;

export const QuotaSchema = z.looseObject({
  object: z.literal('quota'),
  as_of: z.string(),
  subscription: SubscriptionSchema.nullable(),
  windows: z.array(WindowQuotaSchema),
  packs: z.looseObject({ tokens_remaining: z.number().int().nonnegative(), tokens_held: z.number().int().nonnegative(), tokens_owed: z.number().int().nonnegative() }),
});
export type Quota = z.infer<typeof QuotaSchema>;

export const SubscribeRequestSchema = z.strictObject({ plan_id: z.string().min(1), payment_method: z.enum(['instant', 'phone_bill']).optional() });
export const SubscriptionPatchSchema = z.strictObject({ auto_renew: z.boolean() });
