/** `tokencli usage`: where the tokens went, from the local ledger (offline), from the server, or both side by side (--reconcile). */
import { Command, Option } from 'commander';
import type { TokenClient } from '../../../client/client.js';
import type { Ledger } from '../../../ledger/ledger.js';
import { addTotals, NO_RUNS, usageRows, type GroupBy, type ReportRow } from '../../../ledger/report.js';
import { dearestPrice, moneyForTokens } from '../../../tokens/money.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { formatMoney, formatTokens } from '../../io/format.js';
import { note } from '../../io/messages.js';
import type { IOStreams } from '../../io/streams.js';
import { printJson, printRows } from '../../io/table.js';
import type { ProviderCache } from '../../provider-cache.js';
import { parseTimeArg } from './time-arg.js';
import { resolveRuns } from '../../../ledger/resolve.js';
import { serverLookup } from '../../server-records.js';

export interface UsageOptions {
  io: IOStreams;
  /** For reading; `--reconcile` writes, settling estimates from the server's records first. */
  readLedger: () => Promise<Ledger>;
  ledger: () => Promise<Ledger>;
  apiUrl: string;
  account: () => Promise<string>;
  provider: string;
  client: () => Promise<TokenClient>;
  providerCache: () => Promise<ProviderCache>;
  profile: string;
  since?: string;
  until?: string;
  by: GroupBy;
  csv: boolean;
  server: boolean;
  reconcile: boolean;
  json: boolean;
  timeZone: string;
  now: () => Date;
}

export function usageCommand(ctx: Context, runF = usageRun): Command {
  return new Command('usage')
    .description('Where the tokens went: the local ledger by day, week, month, model or profile (offline); --server for the provider\'s report')
    .option('--since <when>', 'from: 7d, 24h, 2026-11-01 or an ISO time (default: 30d)')
    .option('--until <when>', 'until (exclusive), same forms (default: now)')
    .addOption(new Option('--by <group>', 'group rows by').choices(['day', 'week', 'month', 'model', 'profile']).default('day'))
    .option('--csv', 'comma-separated values with a header', false)
    .option('--server', 'show the provider\'s own report (GET /v1/usage) instead of the local ledger', false)
    .option('--reconcile', 'compare local and server figures per UTC day', false)
    .addHelpText(
      'after',
      `
Examples:
  $ tokencli usage --since 7d
  $ tokencli usage --by model --json
  $ tokencli usage --since 2026-11-01 --csv > november.csv
  $ tokencli usage --reconcile --since 7d`,
    )
    .action(async (flags: { since?: string; until?: string; by: GroupBy; csv: boolean; server: boolean; reconcile: boolean }) =>
      runF({
        io: ctx.io,
        readLedger: ctx.readLedger,
        ledger: ctx.ledger,
        apiUrl: await ctx.apiUrl(),
        account: ctx.account,
        provider: await ctx.providerKind(),
        client: () => ctx.client({ requireKey: true }),
        providerCache: ctx.providerCache,
        profile: await ctx.profileName(),
        ...(flags.since !== undefined ? { since: flags.since } : {}),
        ...(flags.until !== undefined ? { until: flags.until } : {}),
        by: flags.by,
        csv: flags.csv,
        server: flags.server,
        reconcile: flags.reconcile,
        json: ctx.globals.json,
        timeZone: await ctx.timeZone(),
        now: ctx.now,
      }),
    );
}

export async function usageRun(opts: UsageOptions): Promise<void> {
  const now = opts.now();
  const since = parseTimeArg(opts.since ?? '30d', now, opts.timeZone, '--since');
  const until = opts.until === undefined ? new Date(now.getTime() + 1) : parseTimeArg(opts.until, now, opts.timeZone, '--until');
  if (opts.server || opts.reconcile) return serverReport(opts, since, until);

  // `--by profile` compares profiles; every other grouping is about the profile in use.
  const filter = { since: since.toISOString(), until: until.toISOString(), ...(opts.by === 'profile' ? {} : { profile: opts.profile }) };
  const rows = usageRows(await opts.readLedger(), filter, opts.by, opts.timeZone);
  const price = dearestPrice((await opts.providerCache()).plans());
  const money = (billed: number) => (price ? moneyForTokens(billed, price) : null);
  const totals = rows.reduce(addTotals, NO_RUNS);
  // Each row's money is rounded up on its own; the total is their sum, so the rows add up to it.
  const totalMoney = price ? { amount_minor: rows.reduce((n, r) => n + money(r.billed_tokens)!.amount_minor, 0), currency: price.price.currency } : null;
  if (opts.json) {
    return printJson(opts.io, {
      since: since.toISOString(),
      until: until.toISOString(),
      by: opts.by,
      profile: opts.by === 'profile' ? null : opts.profile,
      time_zone: opts.timeZone,
      rows: rows.map((r) => ({ ...r, money: money(r.billed_tokens) })),
      totals: { ...totals, money: totalMoney },
    });
  }
  const header = ['key', 'runs', 'prompt_tokens', 'completion_tokens', 'billed_tokens', 'money_minor', 'currency', 'estimated_runs'];
  if (opts.csv) {
    opts.io.out(header.join(',') + '\n');
    for (const r of rows) {
      const m = money(r.billed_tokens);
      opts.io.out([csvField(r.key), r.runs, r.prompt_tokens, r.completion_tokens, r.billed_tokens, m?.amount_minor ?? '', m?.currency ?? '', r.estimated_runs].join(',') + '\n');
    }
    return;
  }
  if (rows.length === 0) return note(opts.io, false, `no runs recorded between ${since.toISOString()} and ${until.toISOString()}`);
  const tty = opts.io.isStdoutTTY;
  const peak = Math.max(...rows.map((r) => r.billed_tokens), 1);
  const share = (r: ReportRow) => (r.runs ? `${Math.round((r.estimated_runs * 100) / r.runs)}%` : '0%');
  const line = (r: ReportRow, m = money(r.billed_tokens)) => {
    return tty
      ? [r.key, formatTokens(r.runs), formatTokens(r.prompt_tokens), formatTokens(r.completion_tokens), formatTokens(r.billed_tokens), m ? `~${formatMoney(m)}` : '-', share(r), opts.io.color.cyan('▇'.repeat(Math.max(r.billed_tokens ? 1 : 0, Math.round((r.billed_tokens * 24) / peak))))]
      : [r.key, String(r.runs), String(r.prompt_tokens), String(r.completion_tokens), String(r.billed_tokens), m ? String(m.amount_minor) : '', m?.currency ?? '', String(r.estimated_runs)];
  };
  const body = rows.map((r) => line(r));
  if (tty) body.push(line({ key: 'total', ...totals }, totalMoney).slice(0, 7));
  printRows(opts.io, [opts.by, 'runs', 'prompt', 'completion', 'billed', 'money', 'estimated', 'spend'], body);
}

const csvField = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

async function serverReport(opts: UsageOptions, since: Date, until: Date): Promise<void> {
  if (opts.server && !['day', 'model'].includes(opts.by)) throw new UsageError('the server groups only by day or model', 'use --by day or --by model with --server');
  const client = await opts.client();
  if (opts.server && !opts.reconcile) {
    const report = await client.usage.get({ since: since.toISOString(), until: until.toISOString(), groupBy: opts.by as 'day' | 'model' });
    if (opts.json) return printJson(opts.io, report);
    printRows(opts.io, [opts.by, 'requests', 'prompt', 'completion', 'billed'], report.data.map((r) => [r.key, String(r.requests), String(r.prompt_tokens), String(r.completion_tokens), String(r.billed_tokens)]));
    return;
  }
  // The server's days are UTC days, so the local side is grouped the same way for the comparison.
  const server = await client.usage.get({ since: since.toISOString(), until: until.toISOString(), groupBy: 'day' });
  const ledger = await opts.ledger();
  if (opts.provider === 'tokenplan') {
    // Estimates (interrupted, truncated, crashed runs) are settled from the server's own records first.
    const withinMs = opts.now().getTime() - since.getTime();
    const settled = await resolveRuns(ledger, { apiUrl: opts.apiUrl, account: await opts.account(), lookup: serverLookup(client), now: opts.now(), withinMs, max: 1000, budgetMs: 20_000 });
    if (settled.settled > 0) note(opts.io, opts.json, `settled ${settled.settled} estimated run${settled.settled === 1 ? '' : 's'} from the server's records`);
  }
  const local = usageRows(ledger, { profile: opts.profile, since: since.toISOString(), until: until.toISOString() }, 'day', 'UTC');
  const days = [...new Set([...server.data.map((r) => r.key), ...local.map((r) => r.key)])].sort();
  const rows = days.map((day) => {
    const s = server.data.find((r) => r.key === day);
    const l = local.find((r) => r.key === day);
    return { day, local_billed: l?.billed_tokens ?? 0, server_billed: s?.billed_tokens ?? 0, local_runs: l?.runs ?? 0, server_requests: s?.requests ?? 0, difference: (l?.billed_tokens ?? 0) - (s?.billed_tokens ?? 0) };
  });
  if (opts.json) return printJson(opts.io, { since: since.toISOString(), until: until.toISOString(), days: rows });
  printRows(opts.io, ['day (UTC)', 'local', 'server', 'difference', 'local runs', 'server requests'], rows.map((r) => [r.day, String(r.local_billed), String(r.server_billed), String(r.difference), String(r.local_runs), String(r.server_requests)]));
}
