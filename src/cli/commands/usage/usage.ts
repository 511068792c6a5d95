/** `tokencli usage`: where the tokens went, from the local ledger (offline), from the server, or both side by side (--reconcile). */
import { Command, Option } from 'commander';
import type { TokenClient } from '../../../client/client.js';
import type { Ledger } from '../../../ledger/ledger.js';
import { addTotals, NO_RUNS, usageRows, type GroupBy, type ReportRow } from '../../../ledger/report.js';
import { dearestPrice, moneyForTokens } from '../../../tokens/money.js';
import type { UsageReport } from '../../../shared/wire.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { formatMoney, formatTokens } from '../../io/format.js';
import { note } from '../../io/messages.js';
import type { IOStreams } from '../../io/streams.js';
import { printTable, type Column } from '../../io/table.js';
import { printJson } from '../../io/json.js';
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
  const peak = Math.max(...rows.map((r) => r.billed_tokens), 1);
  const share = (r: ReportRow) => (r.runs ? `${Math.round((r.estimated_runs * 100) / r.runs)}%` : '0%');
  const moneyOf = (r: ReportRow) => (r.key === TOTAL ? totalMoney : money(r.billed_tokens));
  const bar = (r: ReportRow) => (r.key === TOTAL ? '' : opts.io.color.cyan('▇'.repeat(Math.max(r.billed_tokens ? 1 : 0, Math.round((r.billed_tokens * 24) / peak)))));
  printTable<ReportRow>(
    opts.io,
    [
      { key: 'key', title: opts.by, human: (r) => r.key, raw: (r) => r.key },
      { key: 'runs', title: 'runs', human: (r) => formatTokens(r.runs), raw: (r) => r.runs },
      { key: 'prompt_tokens', title: 'prompt', human: (r) => formatTokens(r.prompt_tokens), raw: (r) => r.prompt_tokens, drop: 3 },
      { key: 'completion_tokens', title: 'completion', human: (r) => formatTokens(r.completion_tokens), raw: (r) => r.completion_tokens, drop: 3 },
      { key: 'billed_tokens', title: 'billed', human: (r) => formatTokens(r.billed_tokens), raw: (r) => r.billed_tokens },
      { key: 'money_minor', title: 'money', human: (r) => { const m = moneyOf(r); return m ? `~${formatMoney(m)}` : '-'; }, raw: (r) => moneyOf(r)?.amount_minor },
      { key: 'currency', title: '', human: () => '', raw: (r) => moneyOf(r)?.currency, pipedOnly: true },
      { key: 'estimated_runs', title: 'estimated', human: share, raw: (r) => r.estimated_runs, drop: 2 },
      { key: 'spend', title: 'spend', human: bar, raw: () => '', drop: 1, ttyOnly: true },
    ],
    opts.io.isStdoutTTY ? [...rows, { key: TOTAL, ...totals }] : rows,
  );
}

const TOTAL = 'total';

const csvField = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

async function serverReport(opts: UsageOptions, since: Date, until: Date): Promise<void> {
  if (opts.server && !['day', 'model'].includes(opts.by)) throw new UsageError('the server groups only by day or model', 'use --by day or --by model with --server');
  const client = await opts.client();
  if (opts.server && !opts.reconcile) {
    const report = await client.usage.get({ since: since.toISOString(), until: until.toISOString(), groupBy: opts.by as 'day' | 'model' });
    if (opts.json) return printJson(opts.io, report);
    const count = (k: 'requests' | 'prompt_tokens' | 'completion_tokens' | 'billed_tokens', title: string): Column<UsageReport['data'][number]> => ({ key: k, title, human: (r) => formatTokens(r[k]), raw: (r) => r[k] });
    printTable(opts.io, [{ key: 'key', title: opts.by, human: (r) => r.key, raw: (r) => r.key }, count('requests', 'requests'), count('prompt_tokens', 'prompt'), count('completion_tokens', 'completion'), count('billed_tokens', 'billed')], report.data);
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
  type Day = (typeof rows)[number];
  const figure = (k: Exclude<keyof Day, 'day'>, title: string, drop?: number): Column<Day> => ({ key: k, title, human: (r) => formatTokens(r[k]), raw: (r) => r[k], ...(drop ? { drop } : {}) });
  printTable(opts.io, [
    { key: 'day', title: 'day (UTC)', human: (r) => r.day, raw: (r) => r.day },
    figure('local_billed', 'local'),
    figure('server_billed', 'server'),
    figure('difference', 'difference'),
    figure('local_runs', 'local runs', 1),
    figure('server_requests', 'server requests', 1),
  ], rows);
}
