/**
 * Wire types of carrier billing (issue 16): phone-bill payments validated with an SMS code, the
 * account's monthly statement and the invoices (发票) asked for against it. Kept beside wire.ts, in
 * its own file, because these are read together and apart from the metering contract.
 */
import { z } from 'zod';
import { MoneySchema, listOf } from './wire.js';

const timestamp = () => z.string().min(1);

/** How a charge is paid: at once (the demo's invisible payment) or added to the phone bill after an SMS code. */
export const PaymentMethod = z.enum(['instant', 'phone_bill']);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

/**
 * After CAMARA's carrier billing: created `pending_validation` with a code sent by SMS; the right
 * code makes it `succeeded` (validation confirms at once, so there is no separate `reserved` step);
 * too many wrong codes make it `denied`; the account can cancel it; an unvalidated one `expired`.
 */
export const PaymentStatus = z.enum(['pending_validation', 'succeeded', 'denied', 'cancelled', 'expired']);
export type PaymentStatus = z.infer<typeof PaymentStatus>;

export const PaymentSchema = z.looseObject({
  id: z.string(),
  object: z.literal('payment'),
  status: PaymentStatus,
  payment_method: z.literal('phone_bill'),
  amount: MoneySchema,
  /** The line the charge makes on the phone bill and on the statement. */
  description: z.string(),
  /** The number the code was sent to, masked. */
  phone: z.string(),
  /** What the payment buys, and what it bought once it succeeded. */
  order: z.looseObject({
    type: z.enum(['purchase', 'subscription']),
    plan_id: z.string(),
    quantity: z.number().int().positive(),
    id: z.string().nullable(),
  }),
  attempts_remaining: z.number().int().nonnegative(),
  /** The account's phone-bill spending in the current calendar month (Asia/Shanghai): charges made plus payments still waiting for their code. */
  monthly_cap: z.looseObject({ limit: MoneySchema, used: MoneySchema, remaining: MoneySchema }),
  denial_reason: z.string().nullable(),
  created_at: timestamp(),
  expires_at: timestamp(),
  completed_at: z.string().nullable(),
});
export type Payment = z.infer<typeof PaymentSchema>;

/** The code as the SMS shows it: spaces and dashes between the digits are dropped. */
export const ValidatePaymentSchema = z.strictObject({
  code: z
    .string()
    .transform((code) => code.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^\d{4,8}$/, 'expected the digits of the SMS code')),
});

/** `YYYY-MM`, a calendar month in the account's time zone. */
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const StatementLineSchema = z.looseObject({
  id: z.string(),
  date: timestamp(),
  description: z.string(),
  amount: MoneySchema,
  payment_method: PaymentMethod,
  /** The purchase or subscription the charge belongs to. */
  order_id: z.string(),
  invoice_id: z.string().nullable(),
});
export type StatementLine = z.infer<typeof StatementLineSchema>;

export const StatementSchema = z.looseObject({
  object: z.literal('statement'),
  month: z.string().regex(MONTH),
  time_zone: z.string(),
  period_start: timestamp(),
  period_end: timestamp(),
  lines: z.array(StatementLineSchema),
  total: MoneySchema,
  totals_by_method: z.looseObject({ instant: MoneySchema, phone_bill: MoneySchema }),
});
export type Statement = z.infer<typeof StatementSchema>;

export const InvoiceStatus = z.enum(['requested', 'issued']);

/** The longest invoice title (发票抬头) a server takes, in UTF-16 code units after trimming. */
export const INVOICE_TITLE_MAX = 100;

/** An invoice covers either a month's charges or one order's; the other field is null. */
export const InvoiceRequestSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(INVOICE_TITLE_MAX),
    tax_id: z.string().trim(),
    month: z.string().regex(MONTH, 'expected YYYY-MM').optional(),
    order_id: z.string().min(1).optional(),
  })
  .refine((r) => (r.month === undefined) !== (r.order_id === undefined), { message: 'give exactly one of month and order_id', path: ['month'] });
export type InvoiceRequest = z.infer<typeof InvoiceRequestSchema>;

export const InvoiceSchema = z.looseObject({
  id: z.string(),
  object: z.literal('invoice'),
  status: InvoiceStatus,
  title: z.string(),
  tax_id: z.string(),
  month: z.string().nullable(),
  order_id: z.string().nullable(),
  amount: MoneySchema,
  line_ids: z.array(z.string()),
  /** The invoice number, once issued. */
  number: z.string().nullable(),
  requested_at: timestamp(),
  issued_at: z.string().nullable(),
});
export type Invoice = z.infer<typeof InvoiceSchema>;
export const InvoiceListSchema = listOf(InvoiceSchema);

/** The characters of a unified social credit code (GB 32100-2015): digits and capitals without I, O, S, V, Z. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * Whether a tax ID has the shape of a Chinese unified social credit code: 18 characters from its
 * alphabet whose last is the check character over the first 17 (weights 3^i mod 31).
 */
export function isUnifiedSocialCreditCode(id: string): boolean {
  if (id.length !== 18) return false;
  let sum = 0;
  let weight = 1;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(id[i]!);
    if (v < 0) return false;
    sum += v * weight;
    weight = (weight * 3) % 31;
  }
  const check = (31 - (sum % 31)) % 31;
  return id[17] === USCC_CHARS[check];
}
