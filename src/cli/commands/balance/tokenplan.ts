/**
 * The balance of a Token Plan server: remaining, held and per pack with expiry, remembered for the
 * offline estimate; the estimate itself when asked for or when the server is down; and the --min
 * gate, which fails closed (only this invocation's answer from the server passes it unless
 * --offline is explicit).
 */
import type { TokenClient } from '../../../client/client.js';
import { ConnectionError } from '../../../client/errors.js';
import type { Ledger, OfflineEstimate } from '../../../ledger/ledger.js';
import type { Balance, Pack } from '../../../shared/wire.js';
import { CliError, Exit, QuotaError } from '../../errors.js';
import type { IOStreams } from '../../io/streams.js';
import { formatTokens, relativeTime } from '../../io/format.js';
import { warn } from '../../io/messages.js';
import { printFacts, printTable } from '../../io/table.js';
import { printJson } from '../../io/json.js';
import { keepBalance } from '../../after-order.js';

export interface TokenPlanBalanceOptions {
  io: IOStreams;
  client: () => Promise<TokenClient>;
  /** For the snapshot; a home that cannot be written only loses the snapshot, not the answer. */
  ledger: () => Promise<Ledger>;
  readLedger: () => Promise<Ledger>;
  profile: string;
  apiUrl: string;
  account: () => Promise<string>;
  min?: number;
  offline: boolean;
  json: boolean;
  now: () => Date;
  timeZone: () => Promise<string>;
}

const EXPIRY_WARNING_MS = 3 * 86_400_000;

export async function tokenPlanBalanceRun(opts: TokenPlanBalanceOptions): Promise<void> {
  const reading = await opts.readLedger();
  const account = await opts.account();
  let balance: Balance | undefined;
  let offlineReason: string | undefined;
  if (opts.offline) {
    offlineReason = '--offline';
  } else {
    try {
      const stop = opts.io.spinner('Fetching balance').stop;
      balance = await (await opts.client()).balance.get().finally(stop);
    } catch (e) {
      if (!(e instanceof ConnectionError)) throw e;
      // A gate must not pass on an old estimate just because the server is down.
      if (opts.min !== undefined) throw gateUnreachable(e, reading.offlineEstimate(opts.apiUrl, account), opts.now());
      offlineReason = `server unreachable (${e.message})`;
    }
  }

  if (balance) {
    await keepBalance(opts, balance, opts.now());
    warnOfExpiry(opts.io, balance, opts.now());
    if (opts.json) printJson(opts.io, { ...balance, ...gateFields(opts.min, balance.tokens_remaining) });
    else printOnline(opts.io, balance, opts.now());
    return gate(opts.min, balance.tokens_remaining, false);
  }

  const estimate = reading.offlineEstimate(opts.apiUrl, account);
  if (!estimate) {
    throw new CliError(
      `no balance to show: ${offlineReason}, and this home never saw a balance from ${opts.apiUrl} for this key`,
      opts.offline ? Exit.ERROR : Exit.NETWORK,
      'run `tokencli balance` once while the server is reachable',
    );
  }
  const last = estimate.snapshot.document as Balance;
  if (opts.json) {
    printJson(opts.io, {
      ...last,
      tokens_remaining: estimate.tokens_remaining,
      estimate: true,
      as_of: estimate.snapshot.seen_at,
      spent_since: estimate.spent_since,
      last_seen_tokens_remaining: estimate.snapshot.tokens_remaining,
      ...gateFields(opts.min, estimate.tokens_remaining),
    });
  } else {
    warn(opts.io, `offline estimate (${offlineReason}): last balance seen ${relativeTime(estimate.snapshot.seen_at, opts.now())}`);
    printFacts(opts.io, [
      { key: 'tokens_remaining', label: 'estimated remaining', human: formatTokens(estimate.tokens_remaining), raw: estimate.tokens_remaining },
      { key: 'last_seen_tokens_remaining', label: 'last seen', human: `${formatTokens(estimate.snapshot.tokens_remaining)}, ${relativeTime(estimate.snapshot.seen_at, opts.now())}`, raw: estimate.snapshot.tokens_remaining },
      { key: 'as_of', label: 'seen at', human: estimate.snapshot.seen_at, raw: estimate.snapshot.seen_at },
      { key: 'spent_since', label: 'local spend since', human: formatTokens(estimate.spent_since), raw: estimate.spent_since },
    ]);
  }
  gate(opts.min, estimate.tokens_remaining, true);
}

function gateUnreachable(e: ConnectionError, estimate: OfflineEstimate | undefined, now: Date): CliError {
  const hint = estimate
    ? `the last estimate is ${formatTokens(estimate.tokens_remaining)} tokens (balance seen ${relativeTime(estimate.snapshot.seen_at, now)}); pass --offline to gate on it`
    : 'no earlier balance is known for this server and key';
  return new CliError(`cannot check --min: ${e.message}`, Exit.NETWORK, hint);
}

/** Packs with tokens left that expire within three days. */
function warnOfExpiry(io: IOStreams, b: Balance, now: Date): void {
  for (const p of b.packs) {
    const left = new Date(p.expires_at).getTime() - now.getTime();
    if (!p.expired && p.tokens_remaining > 0 && left <= EXPIRY_WARNING_MS) {
      warn(io, `pack ${p.id} (${p.plan_id}) expires ${relativeTime(p.expires_at, now)} with ${formatTokens(p.tokens_remaining)} tokens left`);
    }
  }
}

/** Under --json, whether the gate passed is in the document itself. */
const gateFields = (min: number | undefined, remaining: number) => (min === undefined ? {} : { min, ok: remaining >= min });

function gate(min: number | undefined, remaining: number, estimated: boolean): void {
  if (min === undefined || remaining >= min) return;
  throw new QuotaError(
    `${formatTokens(remaining)} tokens ${estimated ? 'remaining by the offline estimate' : 'remaining'}, below the minimum of ${formatTokens(min)}`,
    'buy more with `tokencli plan purchase <plan>`',
  );
}

/**
 * On a terminal, the totals and then the packs. Piped, one table of the packs (a script that wants
 * the totals reads `--json` or gates with `--min`).
 */
function printOnline(io: IOStreams, b: Balance, now: Date): void {
  if (io.isStdoutTTY) {
    io.out(`${io.color.bold(formatTokens(b.tokens_remaining))} tokens remaining · ${formatTokens(b.tokens_held)} held${b.tokens_owed ? ` · ${formatTokens(b.tokens_owed)} owed` : ''}\n`);
    if (b.packs.length === 0) return;
    io.out('\n');
  }
  printTable<Pack>(
    io,
    [
      { key: 'pack_id', title: 'pack', human: (p) => p.id, raw: (p) => p.id, drop: 2 },
      { key: 'plan_id', title: 'plan', human: (p) => p.plan_id, raw: (p) => p.plan_id },
      { key: 'tokens_remaining', title: 'remaining', human: (p) => formatTokens(p.tokens_remaining), raw: (p) => p.tokens_remaining },
      { key: 'tokens_total', title: 'total', human: (p) => formatTokens(p.tokens_total), raw: (p) => p.tokens_total, drop: 1 },
      { key: 'expires_at', title: 'expires', human: (p) => (p.expired ? io.color.dim('expired') : relativeTime(p.expires_at, now)), raw: (p) => p.expires_at },
      { key: 'expired', title: 'expired', human: (p) => (p.expired ? 'yes' : ''), raw: (p) => p.expired, drop: 3 },
    ],
    b.packs,
  );
}
