/**
 * `tokencli auth`, as in gh: `status` here; `login`, `logout`, `switch` and `token` are added by
 * program.ts, which owns the command tree (the same commands as `login`, `logout`, `profiles use`).
 * `auth status` shows which key is in force, where it came from, and whether the provider accepts it.
 */
import { Command } from 'commander';
import type { TokenClient } from '../../../client/client.js';
import { fingerprint } from '../../../client/redact.js';
import { AuthenticationError, ConnectionError } from '../../../client/errors.js';
import type { Account } from '../../../shared/wire.js';
import { providerDefaults, type Context } from '../../context.js';
import { AuthRequiredError, Exit, SilentError } from '../../errors.js';
import type { IOStreams } from '../../io/streams.js';
import { printFacts } from '../../io/table.js';
import { printJson } from '../../io/json.js';

export interface AuthStatusOptions {
  io: IOStreams;
  profile: string;
  apiUrl: string;
  provider: string;
  key?: { key: string; source: 'env' | 'stored' };
  client: () => Promise<TokenClient>;
  /** The provider's own key check; only a Token Plan server names the account. */
  verify: (client: TokenClient) => Promise<unknown>;
  /** False for providers that take no key (a local Ollama): their status is checked all the same. */
  needsKey: boolean;
  json: boolean;
}

export function authCommand(ctx: Context, runF = authStatusRun): Command {
  const auth = new Command('auth').description('Log in and out, switch profiles, and check or print the credential in force');
  auth
    .command('status')
    .description('Show the profile, URL, key fingerprint and account; exit 4 when the key is missing or rejected')
    .addHelpText('after', '\nExamples:\n  $ tokencli auth status\n  $ tokencli auth status --json --profile work')
    .action(async () => {
      const key = await ctx.apiKey();
      return runF({
        io: ctx.io,
        profile: await ctx.profileName(),
        apiUrl: await ctx.apiUrl(),
        provider: (await ctx.profile())?.provider ?? 'tokenplan',
        ...(key ? { key } : {}),
        client: () => ctx.client({ requireKey: true }),
        ...(await providerDefaults(await ctx.providerKind()).then((p) => ({ verify: p.verify, needsKey: p.needsKey }))),
        json: ctx.globals.json,
      });
    });
  return auth;
}

export async function authStatusRun(opts: AuthStatusOptions): Promise<void> {
  let account: Account | undefined;
  let failure: unknown;
  let verified = false;
  const check = Boolean(opts.key) || !opts.needsKey;
  if (check) {
    try {
      const answer = await opts.verify(await opts.client());
      verified = true;
      if (opts.provider === 'tokenplan') account = answer as Account;
    } catch (e) {
      failure = e;
    }
  }
  const reachable = check ? !(failure instanceof ConnectionError) : undefined;
  const state = !check ? 'no key' : verified ? 'ok' : failure instanceof AuthenticationError ? 'rejected' : reachable ? 'error' : 'unreachable';

  if (opts.json) {
    printJson(opts.io, {
      profile: opts.profile,
      provider: opts.provider,
      api_url: opts.apiUrl,
      key: opts.key ? { fingerprint: fingerprint(opts.key.key), source: opts.key.source } : null,
      account: account ?? null,
      reachable: reachable ?? null,
      status: state,
    });
  } else {
    const c = opts.io.color;
    const key = opts.key ? fingerprint(opts.key.key) : null;
    printFacts(opts.io, [
      { key: 'profile', label: 'profile', human: opts.profile, raw: opts.profile },
      { key: 'provider', label: 'provider', human: opts.provider, raw: opts.provider },
      { key: 'api_url', label: 'api url', human: opts.apiUrl, raw: opts.apiUrl },
      { key: 'key', label: 'key', human: opts.key ? `${key} (${opts.key.source === 'env' ? 'from TOKENCLI_API_KEY' : 'stored'})` : c.red('none'), raw: key },
      { key: 'key_source', label: '', human: '', raw: opts.key?.source ?? null },
      { key: 'account', label: 'account', human: account ? `${account.name} (${account.id})` : '-', raw: account?.id ?? null },
      { key: 'reachable', label: 'server', human: reachable === undefined ? 'not checked' : reachable ? c.green('reachable') : c.red('unreachable'), raw: reachable ?? null },
      { key: 'status', label: '', human: '', raw: state },
    ].filter((f) => !opts.io.isStdoutTTY || f.label !== ''));
  }
  if (state === 'ok') return;
  if (state === 'no key') throw opts.json ? new SilentError('', Exit.AUTH) : new AuthRequiredError(`not logged in: no API key for profile "${opts.profile}"`);
  if (opts.json) throw new SilentError('', state === 'rejected' ? Exit.AUTH : state === 'unreachable' ? Exit.NETWORK : Exit.ERROR);
  throw failure;
}
