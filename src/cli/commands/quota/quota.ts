/**
 * `tokencli quota`: how much is left, and when does it reset. Every window of the subscription
 * with used / limit, the reset as a countdown and a local clock time, the pace and when it would run
 * out; `--line` for a shell prompt or tmux status line; `--json` for scripts. Each answer is kept in
 * the ledger; without the server (`--offline`, or unreachable) the last one plus local spend since
 * is shown, marked as an estimate.
 */
import { Command } from 'commander';
import type { TokenClient } from '../../../client/client.js';
import { ConnectionError } from '../../../client/errors.js';
import { Quota as QuotaApi } from '../../../client/resources/quota.js';
import type { Ledger } from '../../../ledger/ledger.js';
import type { Context } from '../../context.js';
import { CliError, Exit } from '../../errors.js';
import { relativeTime } from '../../io/format.js';
import { warn } from '../../io/messages.js';
import type { IOStreams } from '../../io/streams.js';
import { printJson } from '../../io/table.js';
import type { StoredQuota } from './headers.js';
import { offlineQuota, type OfflineQuota } from './offline.js';
import { paceOf } from './pace.js';
import { printLine, printQuota } from './render.js';
import { keepQuota, lastQuota, spendSince } from './snapshot.js';

export interface QuotaOptions {
  io: IOStreams;
  client: () => Promise<TokenClient>;
  ledger: () => Promise<Ledger>;
  readLedger: () => Promise<Ledger>;
  /** The server and account the snapshot is kept under. */
  apiUrl: string;
  account: () => Promise<string>;
  /** The profile's provider kind: only a Token Plan server reports windows (coding-plan providers are issue 15 item 8). */
  provider: string;
  line: boolean;
  offline: boolean;
  json: boolean;
  now: () => Date;
  /** The zone reset times are shown in: the profile's, else this machine's. */
  timeZone: () => Promise<string>;
}

export function quotaCommand(ctx: Context, runF = quotaRun): Command {
  return new Command('quota')
    .description('Show how much of each quota window is left, and when each resets')
    .option('--line', 'one short line for a shell prompt or tmux status line', false)
    .option('--offline', 'do not ask the server: the last quota seen plus local spend since, marked as an estimate (~)', false)
    .addHelpText(
      'after',
      `
Every \`quota\` and every \`run\` against a Token Plan server keeps the windows it saw (a run reads
them from the answer's headers, at no extra request). When the server cannot be reached, or with
--offline, the last of them plus what this machine spent since is shown as an estimate: a \`~\`
before the line, \`estimate: true\` in --json.

Examples:
  $ tokencli quota
  $ tokencli quota --line            # 5h 12% 3h05m · wk 40% 2d11h · mo 8% 24d02h
  $ tokencli quota --line --offline  # ~5h 14% 3h01m · wk 41% 2d11h · mo 8% 24d02h
  $ tokencli quota --json | jq '.windows[] | {window, remaining, resets_at}'`,
    )
    .action(async (flags: { line: boolean; offline: boolean }) =>
      runF({
        io: ctx.io,
        // A status line that cannot reach the server shows the estimate at once instead of retrying.
        client: () => ctx.client(flags.line ? { maxRetries: 0 } : {}),
        ledger: ctx.ledger,
        readLedger: ctx.readLedger,
        apiUrl: await ctx.apiUrl(),
        account: ctx.account,
        provider: await ctx.providerKind(),
        line: flags.line,
        offline: flags.offline,
        json: ctx.globals.json,
        now: ctx.now,
        timeZone: () => ctx.timeZone(),
      }),
    );
}

export async function quotaRun(opts: QuotaOptions): Promise<void> {
  if (opts.provider !== 'tokenplan') {
    throw new CliError(`quota windows are reported by Token Plan servers; this profile's provider is ${opts.provider}`, Exit.ERROR, 'use `tokencli balance` for its balance');
  }
  const quota = opts.offline ? await estimate(opts, '--offline') : await fetchQuota(opts);
  const now = opts.now();
  if (opts.json) return printJson(opts.io, { ...quota, windows: quota.windows.map((w) => ({ ...w, ...paceOf(w, now) })) });
  if (opts.line) return printLine(opts.io, quota, now);
  printQuota(opts.io, quota, now, await opts.timeZone());
}

/** The server's answer, kept for later estimates; the estimate instead when the server cannot be reached. */
async function fetchQuota(opts: QuotaOptions): Promise<StoredQuota | OfflineQuota> {
  const stop = opts.line ? () => {} : opts.io.spinner('Fetching quota').stop;
  try {
    const quota = await new QuotaApi(await opts.client()).get().finally(stop);
    await keepQuota(opts, quota, opts.now());
    return quota;
  } catch (e) {
    if (!(e instanceof ConnectionError)) throw e;
    return estimate(opts, `server unreachable (${e.message})`);
  }
}

async function estimate(opts: QuotaOptions, reason: string): Promise<OfflineQuota> {
  const ledger = await opts.readLedger();
  const account = await opts.account();
  const last = lastQuota(ledger, opts.apiUrl, account);
  if (!last) {
    throw new CliError(`no quota to show: ${reason}, and this home never saw one from ${opts.apiUrl} for this key`, opts.offline ? Exit.ERROR : Exit.NETWORK, 'run `tokencli quota` once while the server is reachable');
  }
  const now = opts.now();
  // A status line says it is an estimate with its `~`; everything else says why and how old.
  if (!opts.line && !opts.json) warn(opts.io, `offline estimate (${reason}): quota last seen ${relativeTime(last.seen_at, now)}, plus this machine's spend since`);
  return offlineQuota(last.quota, last.seen_at, spendSince(ledger, opts.apiUrl, account), now);
}
