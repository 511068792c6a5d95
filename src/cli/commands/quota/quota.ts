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
import type { ProviderAdapter, ProviderKind } from '../../../client/providers/types.js';
import type { Ledger } from '../../../ledger/ledger.js';
import { raiseWindowAlerts, shellAlertRunner, type AlertRunner } from '../../budget-enforcement.js';
import { providerDefaults, type Context } from '../../context.js';
import { CliError, Exit, UsageError } from '../../errors.js';
import { relativeTime } from '../../io/format.js';
import { note, warn } from '../../io/messages.js';
import type { ProfileTarget } from '../balance/all.js';
import { allTargets } from '../balance/balance.js';
import { quotaAllRun } from './all.js';
import type { IOStreams } from '../../io/streams.js';
import { printJson } from '../../io/json.js';
import { asStored, type StoredQuota } from './headers.js';
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
  /** The profile's provider: a Token Plan server, or a coding plan whose adapter reads its quota endpoint. */
  provider: ProviderKind;
  adapter: () => Promise<ProviderAdapter>;
  /** `--all`: every stored profile at once. */
  all: boolean;
  everyProfile: () => Promise<ProfileTarget[]>;
  line: boolean;
  offline: boolean;
  json: boolean;
  quiet: boolean;
  now: () => Date;
  /** The zone reset times are shown in: the profile's, else this machine's. */
  timeZone: () => Promise<string>;
  /** Whose window alerts (`budget window`) the fresh windows are checked against, and how their commands run. */
  profile: string;
  runAlert: AlertRunner;
}

export function quotaCommand(ctx: Context, runF = quotaRun): Command {
  return new Command('quota')
    .description('Show how much of each quota window is left, and when each resets (Token Plan servers and the Zhipu, Kimi Code and MiniMax coding plans)')
    .option('--line', 'one short line for a shell prompt or tmux status line', false)
    .option('--offline', 'do not ask the server: the last quota seen plus local spend since, marked as an estimate (~)', false)
    .option('--all', 'every stored profile at once, each with its own key', false)
    .addHelpText(
      'after',
      `
Every \`quota\` and every \`run\` against a Token Plan server keeps the windows it saw (a run reads
them from the answer's headers, at no extra request). When the server cannot be reached, or with
--offline, the last of them plus what this machine spent since is shown as an estimate: a \`~\`
before the line, \`estimate: true\` in --json. Coding-plan profiles (zhipu, kimi-code, minimax) are
read from the vendor's quota endpoint; what it does not document is listed under \`notes\`.

Examples:
  $ tokencli quota
  $ tokencli quota --line            # 5h 12% 3h05m · wk 40% 2d11h · mo 8% 24d02h
  $ tokencli quota --line --offline  # ~5h 14% 3h01m · wk 41% 2d11h · mo 8% 24d02h
  $ tokencli quota --all --line      # one line per profile
  $ tokencli quota --json | jq '.windows[] | {window, remaining, resets_at}'`,
    )
    .action(async (flags: { line: boolean; offline: boolean; all: boolean }) => {
      const provider = await ctx.providerKind();
      return runF({
        io: ctx.io,
        // A status line that cannot reach the server shows the estimate at once instead of retrying.
        client: () => ctx.client(flags.line ? { maxRetries: 0 } : {}),
        ledger: ctx.ledger,
        readLedger: ctx.readLedger,
        apiUrl: await ctx.apiUrl(),
        account: ctx.account,
        provider,
        adapter: () => providerDefaults(provider),
        all: flags.all,
        everyProfile: () => allTargets(ctx),
        line: flags.line,
        offline: flags.offline,
        json: ctx.globals.json,
        quiet: ctx.globals.quiet,
        now: ctx.now,
        timeZone: () => ctx.timeZone(),
        profile: await ctx.profileName(),
        runAlert: shellAlertRunner(ctx.env),
      });
    });
}

export async function quotaRun(opts: QuotaOptions): Promise<void> {
  if (opts.all) {
    if (opts.offline) throw new UsageError('--all asks every profile\'s provider; --offline applies to one profile', 'drop --all, or choose the profile with --profile NAME');
    return quotaAllRun({ io: opts.io, targets: await opts.everyProfile(), line: opts.line, json: opts.json, now: opts.now(), zone: await opts.timeZone() });
  }
  const adapter = await opts.adapter();
  if (opts.provider !== 'tokenplan' && !adapter.quota) {
    throw new CliError(`${opts.provider} reports no quota windows over its API`, Exit.ERROR, 'quota windows come from Token Plan servers and the zhipu, kimi-code and minimax coding plans; use `tokencli balance` for this one');
  }
  const quota = opts.offline ? await estimate(opts, '--offline') : await fetchQuota(opts, adapter);
  const now = opts.now();
  if (opts.json) return printJson(opts.io, { ...quota, windows: quota.windows.map((w) => ({ ...w, ...paceOf(w, now) })) });
  if (opts.line) return printLine(opts.io, quota, now);
  printQuota(opts.io, quota, now, await opts.timeZone());
  // What the provider's figures may not mean, said where a person reads it.
  if (opts.io.isStderrTTY) for (const n of (quota as { notes?: string[] }).notes ?? []) note(opts.io, opts.quiet, opts.io.errColor.dim(`note: ${n}`));
}

/** The server's answer (or the provider's), kept for later estimates; the estimate instead when it cannot be reached. */
async function fetchQuota(opts: QuotaOptions, adapter: ProviderAdapter): Promise<StoredQuota | OfflineQuota> {
  const stop = opts.line ? () => {} : opts.io.spinner('Fetching quota').stop;
  try {
    const client = await opts.client();
    const now = opts.now();
    const quota = await (adapter.quota ? adapter.quota(client, now).then((q) => asStored(q, now)) : new QuotaApi(client).get()).finally(stop);
    await keepQuota(opts, quota, now);
    await alertOnWindows(opts, quota, now);
    return quota;
  } catch (e) {
    if (!(e instanceof ConnectionError)) throw e;
    return estimate(opts, `server unreachable (${e.message})`);
  }
}
/**
 * Fresh windows are checked against the window alerts as a run's are, by the same check, so a
 * threshold crossed by spending elsewhere is told here too, still once per threshold per window.
 * An estimate is not checked: it is a guess, and an alert, once claimed, is not raised again.
 */
async function alertOnWindows(opts: QuotaOptions, quota: StoredQuota, now: Date): Promise<void> {
  try {
    // `now` was taken before the request: the server read these windows after it.
    await raiseWindowAlerts(await opts.ledger(), { profile: opts.profile, apiUrl: opts.apiUrl, account: await opts.account() }, quota.windows, opts.io, { now: opts.now(), askedAt: now }, opts.runAlert);
  } catch (e) {
    // The quota is the server's either way; a home that cannot record the alert costs only the alert.
    warn(opts.io, `could not check the window alerts (${(e as Error).message})`);
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
