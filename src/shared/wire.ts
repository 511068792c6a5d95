/**
 * Wire types of the Token Plan API v1, defined once as zod schemas so that the server validates what
 * it receives and the client validates what it is sent with the same definitions.
 * Object schemas are loose on purpose: a newer server may add fields and older clients must not break.
 * One file, slightly past 200 lines, because the wire contract is read best as a whole.
 */
import { z } from 'zod';

const int = () => z.number().int();
const nonNegInt = () => z.number().int().nonnegative();
const timestamp = () => z.string().min(1);

export const MoneySchema = z.looseObject({ amount_minor: nonNegInt(), currency: z.string().length(3) });
export type Money = z.infer<typeof MoneySchema>;

export const AccountSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  currency: z.string(),
  created_at: timestamp(),
});
export type Account = z.infer<typeof AccountSchema>;

export const PlanSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  tokens: nonNegInt(),
  price: MoneySchema,
  validity_days: int().positive(),
});
export type Plan = z.infer<typeof PlanSchema>;

export const listOf = <T extends z.ZodType>(item: T) => z.looseObject({ object: z.literal('list'), data: z.array(item) });

export const PlanListSchema = listOf(PlanSchema);
export type PlanList = z.infer<typeof PlanListSchema>;

export const PackSchema = z.looseObject({
  id: z.string(),
  plan_id: z.string(),
  tokens_total: nonNegInt(),
  tokens_remaining: nonNegInt(),
  expires_at: timestamp(),
  expired: z.boolean().optional(),
});
export type Pack = z.infer<typeof PackSchema>;

/** The most packs one purchase may buy. */
export const PURCHASE_QUANTITY_MAX = 1000;

export const PurchaseRequestSchema = z.strictObject({
  plan_id: z.string().min(1),
  quantity: int().min(1).max(PURCHASE_QUANTITY_MAX).optional(),
  /** `phone_bill` answers 202 with a payment waiting for its SMS code (shared/billing.ts). */
  payment_method: z.enum(['instant', 'phone_bill']).optional(),
});
export type PurchaseRequest = z.infer<typeof PurchaseRequestSchema>;

export const PurchaseSchema = z.looseObject({
  id: z.string(),
  plan_id: z.string(),
  quantity: int().positive(),
  tokens: nonNegInt(),
  price: MoneySchema,
  status: z.enum(['succeeded', 'failed']),
  created_at: timestamp(),
  pack: PackSchema.pick({ id: true, tokens_total: true, tokens_remaining: true, expires_at: true }),
});
export type Purchase = z.infer<typeof PurchaseSchema>;
export const PurchaseListSchema = listOf(PurchaseSchema);

export const BalanceSchema = z.looseObject({
  tokens_remaining: nonNegInt(),
  tokens_held: nonNegInt(),
  tokens_owed: nonNegInt().optional(),
  packs: z.array(PackSchema),
  as_of: timestamp(),
});
export type Balance = z.infer<typeof BalanceSchema>;

export const UsageGroupBy = z.enum(['day', 'model']);
export const UsageRowSchema = z.looseObject({
  key: z.string(),
  requests: nonNegInt(),
  prompt_tokens: nonNegInt(),
  completion_tokens: nonNegInt(),
  billed_tokens: nonNegInt(),
});
export const UsageReportSchema = z.looseObject({
  object: z.literal('list'),
  group_by: UsageGroupBy,
  data: z.array(UsageRowSchema),
});
export type UsageReport = z.infer<typeof UsageReportSchema>;

/** The server's record of one chat request, found by the Idempotency-Key (run id) it was sent with. */
export const RunUsageSchema = z.looseObject({
  run_id: z.string(),
  request_id: z.string(),
  model: z.string(),
  status: z.enum(['completed', 'aborted', 'failed']),
  prompt_tokens: nonNegInt(),
  completion_tokens: nonNegInt(),
  billed_tokens: nonNegInt(),
  created_at: z.string(),
});
export type RunUsage = z.infer<typeof RunUsageSchema>;

export const BillingRatesSchema = z.looseObject({
  input_multiplier_milli: nonNegInt(),
  output_multiplier_milli: nonNegInt(),
});
export type BillingRates = z.infer<typeof BillingRatesSchema>;

/** Lenient on purpose: OpenAI-compatible providers omit `object`, `created` or `owned_by`. */
export const ModelSchema = z.looseObject({
  id: z.string(),
  object: z.string().optional(),
  created: int().nullable().optional(),
  owned_by: z.string().nullable().optional(),
  context_length: nonNegInt().optional(),
  billing: BillingRatesSchema.optional(),
});
export type Model = z.infer<typeof ModelSchema>;
export const ModelListSchema = z.looseObject({ object: z.string().optional(), data: z.array(ModelSchema) });
export type ModelList = z.infer<typeof ModelListSchema>;

export const ChatMessageSchema = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool']),
  content: z.union([z.string(), z.array(z.looseObject({ type: z.string(), text: z.string().optional() }))]).nullable(),
  name: z.string().optional(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

export const ChatRequestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(ChatMessageSchema).min(1),
  stream: z.boolean().optional(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullable().optional(),
  max_tokens: int().positive().nullable().optional(),
  max_completion_tokens: int().positive().nullable().optional(),
  temperature: z.number().min(0).max(2).nullable().optional(),
});
export type ChatRequest = z.infer<typeof ChatRequestSchema>;

export const UsageBillingSchema = z.looseObject({ billed_tokens: nonNegInt(), tokens_remaining: nonNegInt() });
/** `total_tokens` is not read (it is derived), so a provider that omits it is not turned away. */
export const ChatUsageSchema = z.looseObject({
  prompt_tokens: nonNegInt(),
  completion_tokens: nonNegInt(),
  total_tokens: nonNegInt().optional(),
  billing: UsageBillingSchema.optional(),
});
export type ChatUsage = z.infer<typeof ChatUsageSchema>;

/*
 * Answers are validated only in the fields the client reads (text, finish reason, usage), and as
 * liberally as the official SDKs: `id`, `index`, `role` and the like are often missing or null in
 * real OpenAI-compatible servers and mean nothing to a prompt run.
 */
export const ChatCompletionSchema = z.looseObject({
  id: z.string().nullable().optional(),
  model: z.string().nullable().optional(),
  choices: z.array(
    z.looseObject({
      message: z.looseObject({ content: z.string().nullable().optional() }).nullable().optional(),
      finish_reason: z.string().nullable().optional(),
    }),
  ),
  usage: ChatUsageSchema.nullable().optional(),
});
export type ChatCompletion = z.infer<typeof ChatCompletionSchema>;

/** Lenient where real providers differ: vLLM sends `choices: null` on the usage chunk. */
export const ChatChunkSchema = z.looseObject({
  id: z.string().nullable().optional(),
  model: z.string().nullable().optional(),
  choices: z.array(
    z.looseObject({
      delta: z.looseObject({ content: z.string().nullable().optional() }).nullable().optional(),
      finish_reason: z.string().nullable().optional(),
    }),
  ).nullable().optional(),
  usage: ChatUsageSchema.nullable().optional(),
});
export type ChatChunk = z.infer<typeof ChatChunkSchema>;

export const ErrorType = z.enum([
  'invalid_request_error',
  'authentication_error',
  'insufficient_quota',
  'not_found',
  'idempotency_key_in_use',
  'request_too_large',
  'idempotency_key_reused',
  'rate_limit_exceeded',
  'server_error',
]);
export type ErrorType = z.infer<typeof ErrorType>;

/**
 * Names the first failing field of a zod error as a dotted path, for one-line messages such as
 * "packs.0.tokens_remaining: expected number".
 */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map(String).join('.') || '(root)';
  return `${path}: ${issue.message}`;
}

/** RFC 8628 §3.2: what POST /v1/oauth/device/code answers. */
export const DeviceAuthorizationSchema = z.looseObject({
  device_code: z.string().min(1),
  user_code: z.string().min(1),
  verification_uri: z.string().min(1),
  verification_uri_complete: z.string().optional(),
  expires_in: z.number().int().positive(),
  interval: z.number().int().positive().optional(),
});
export type DeviceAuthorization = z.infer<typeof DeviceAuthorizationSchema>;

/** RFC 6749 §5.1: the token answer; the access token is a Token Plan API key. */
export const DeviceTokenSchema = z.looseObject({ access_token: z.string().min(1), token_type: z.string() });

/** GET /v1/account/keys: an account's API keys, never their secrets. */
export const ApiKeySchema = z.looseObject({
  id: z.string(),
  prefix: z.string(),
  name: z.string().nullable(),
  created_at: z.string(),
  revoked_at: z.string().nullable(),
});
export type ApiKey = z.infer<typeof ApiKeySchema>;
export const ApiKeyListSchema = z.looseObject({ object: z.literal('list'), data: z.array(ApiKeySchema) });
