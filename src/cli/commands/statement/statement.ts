/** `tokencli statement [--month YYYY-MM]`: the account's charges in a month, as on a phone bill, with the total. */
import { Command } from 'commander';
import type { TokenClient } from '../../../client/client.js';
import { MONTH, type StatementLine } from '../../../shared/billing.js';
import { localTime } from '../../../tokens/zoned.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { formatMoney } from '../../io/format.js';
import { note } from '../../io/messages.js';
import type { IOStreams } from '../../io/streams.js';
import { printTable } from '../../io/table.js';
import { printJson } from '../../io/json.js';

/** Statements are kept in calendar months of the carriers' zone; the server's answer names it too. */
const STATEMENT_ZONE = 'Asia/Shanghai';

export interface StatementOptions {
  io: IOStreams;
  client: () => Promise<TokenClient>;
  month?: string;
  json: boolean;
  quiet: boolean;
  now: () => Date;
}

function monthFlag(value: string): string {
  if (!MONTH.test(value)) throw new UsageError(`--month must be a month like 2026-11, not "${value}"`);
  return value;
}

export function statementCommand(ctx: Context, runF = statementRun): Command {
  return new Command('statement')
    .description("The month's charges (packs, subscriptions, renewals; instant or by phone bill) with their total")
    .option('--month <YYYY-MM>', 'which month (default: this month, Asia/Shanghai)', monthFlag)
    .addHelpText('after', '\nExamples:\n  $ tokencli statement\n  $ tokencli statement --month 2026-10 --json')
    .action((flags: { month?: string }) =>
      runF({ io: ctx.io, client: () => ctx.client({ requireKey: true }), ...(flags.month ? { month: flags.month } : {}), json: ctx.globals.json, quiet: ctx.globals.quiet, now: ctx.now }),
    );
}

export async function statementRun(opts: StatementOptions): Promise<void> {
  const now = localTime(opts.now().getTime(), STATEMENT_ZONE);
  const month = opts.month ?? `${now.year}-${String(now.month).padStart(2, '0')}`;
  const statement = await (await opts.client()).statements.get(month);
  if (opts.json) return printJson(opts.io, statement);
  if (statement.lines.length === 0) return note(opts.io, false, `no charges in ${month}`);
  const tty = opts.io.isStdoutTTY;
  printTable<StatementLine>(
    opts.io,
    [
      // At 80 columns the order id (what `invoice request --order` takes) and whether a line is
      // invoiced stay whole: the month is in the total, so a date is its day and time; the
      // description wraps; how it was paid gives way first (the total splits by method).
      { key: 'date', title: 'date', human: (l) => localDate(l.date), raw: (l) => l.date },
      { key: 'description', title: 'description', human: (l) => l.description, raw: (l) => l.description, wrap: true },
      { key: 'payment_method', title: 'paid', human: (l) => (l.payment_method === 'phone_bill' ? 'phone bill' : 'instant'), raw: (l) => l.payment_method, drop: 1 },
      { key: 'amount_minor', title: 'amount', human: (l) => formatMoney(l.amount), raw: (l) => l.amount.amount_minor },
      { key: 'currency', title: '', human: () => '', raw: (l) => l.amount.currency, pipedOnly: true },
      { key: 'order_id', title: 'order', human: (l) => l.order_id, raw: (l) => l.order_id },
      // The id is `tokencli invoice list`'s; here, whether the line can still be invoiced.
      { key: 'invoice_id', title: 'invoiced', human: (l) => (l.invoice_id ? 'yes' : 'no'), raw: (l) => l.invoice_id },
    ],
    statement.lines,
  );
  // The total is data on a terminal; piped, stdout keeps to one row per line and the total goes to stderr.
  const total = `total for ${month}: ${formatMoney(statement.total)} (instant ${formatMoney(statement.totals_by_method.instant)}, phone bill ${formatMoney(statement.totals_by_method.phone_bill)})`;
  if (tty) opts.io.out(`\n${opts.io.color.bold(total)}\n`);
  else note(opts.io, opts.quiet, total);
}

/** `11-27 19:41` in the statement's zone: the date on the bill, not the UTC one (the year and month are the statement's). */
function localDate(iso: string): string {
  const l = localTime(Date.parse(iso), STATEMENT_ZONE);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(l.month)}-${two(l.day)} ${two(l.hour)}:${two(l.minute)}`;
}
