/** `tokencli login`: store a key for a provider in a profile, after the provider's own cheapest call has accepted it. */
import { hostname } from 'node:os';
import { Command, Option } from 'commander';
import type { TokenClient } from '../../../client/client.js';
import type { ProviderAdapter } from '../../../client/providers/types.js';
import { CredentialStore, keyProblem } from '../../../config/credentials.js';
import { AuthenticationError } from '../../../client/errors.js';
import { PROVIDER_KINDS, type ProviderKind } from '../../../config/settings.js';
import type { Settings } from '../../../config/settings-store.js';
import { API_KEY_PATTERN } from '../../../shared/keys.js';
import type { Account } from '../../../shared/wire.js';
import { providerDefaults, type Context } from '../../context.js';
import { AuthRequiredError, UsageError } from '../../errors.js';
import type { Prompter } from '../../io/prompter.js';
import type { IOStreams } from '../../io/streams.js';
import { success, warn } from '../../io/messages.js';
import { printJson } from '../../io/json.js';
import { trapSignals } from '../../signals.js';
import { hasBrowser, openBrowser } from './browser.js';
import { webLoginKey, type WebLoginOptions } from './web.js';

export interface LoginOptions {
  io: IOStreams;
  prompter: Prompter;
  settings: Settings;
  credentials: () => CredentialStore;
  profile: string;
  provider?: ProviderKind;
  apiUrl?: string;
  withToken: boolean;
  /** Replace an existing profile's provider or URL without asking. */
  force: boolean;
  envKeySet: boolean;
  json: boolean;
  quiet: boolean;
  /** A client for the given provider, URL and key, used to verify the key before it is saved. */
  clientFor: (provider: ProviderKind, apiUrl: string, apiKey: string | undefined) => Promise<TokenClient>;
  providerAdapter: (kind: ProviderKind) => Promise<ProviderAdapter>;
  /** Sign in in a browser with a one-time code (device login) instead of pasting a key. */
  web?: Omit<WebLoginOptions, 'io' | 'quiet' | 'client'>;
}

export function loginCommand(ctx: Context, runF = loginRun): Command {
  return new Command('login')
    .description('Store an API key for a provider in a profile, after checking it works')
    .addOption(new Option('--provider <kind>', 'provider kind').choices(PROVIDER_KINDS))
    .option('--with-token', 'read the API key from standard input', false)
    .option('--force', 'replace an existing profile\'s provider or URL without asking', false)
    .option('--web', 'sign in in a browser with a one-time code and your phone, instead of pasting a key', false)
    .option('--no-browser', 'with --web: print the URL only, do not open a browser')
    .addHelpText(
      'after',
      `
The key is verified with the provider's cheapest call that needs one (GET /v1/account on a Token
Plan server) before it is saved, in a file only you can read.
Without a terminal, --with-token or --web is required.
With --web (Token Plan servers), the command prints a one-time code and a URL on stderr, opens the
browser where there is one (not in CI, not without a display), and waits until you approve with
your phone number and an SMS code; the server then issues a new key named after this machine.

Examples:
  $ tokencli login
  $ echo "$TOKEN" | tokencli login --with-token --api-url http://127.0.0.1:8787
  $ tokencli login --profile work --api-url https://tokens.example.com
  $ tokencli login --web --api-url http://127.0.0.1:8787
  $ tokencli login --web --no-browser --json`,
    )
    .action(async (flags: { provider?: ProviderKind; withToken: boolean; force: boolean; web: boolean; browser: boolean }) => {
      // Only --web opens a browser: --no-browser alone would be ignored, and the user would not know.
      if (!flags.browser && !flags.web) throw new UsageError('--no-browser goes with --web: only a browser sign-in opens a browser');
      return runF({
        io: ctx.io,
        prompter: ctx.prompter,
        settings: await ctx.settings(),
        credentials: ctx.credentials,
        profile: await ctx.profileName(),
        ...(flags.provider ? { provider: flags.provider } : {}),
        // The URL a user names (flag, then TOKENCLI_API_URL) is where the key goes, never a stored one.
        ...((ctx.globals.apiUrl ?? ctx.env.TOKENCLI_API_URL) ? { apiUrl: ctx.globals.apiUrl ?? ctx.env.TOKENCLI_API_URL! } : {}),
        withToken: flags.withToken,
        force: flags.force,
        envKeySet: Boolean(ctx.env.TOKENCLI_API_KEY),
        json: ctx.globals.json,
        quiet: ctx.globals.quiet,
        clientFor: (provider, apiUrl, apiKey) => ctx.client({ provider, apiUrl, apiKey: apiKey ?? null }),
        providerAdapter: providerDefaults,
        ...(flags.web
          ? {
              web: {
                deviceName: hostname(),
                openBrowser: (url: string) =>
                  flags.browser && hasBrowser({ env: ctx.env, platform: process.platform, stderrIsTTY: ctx.io.isStderrTTY }) ? openBrowser(url, process.platform) : Promise.resolve(false),
                trapSignals: () => trapSignals(),
              },
            }
          : {}),
      });
    });
}

/** How many times a person may paste a key the provider refuses before the command gives up. */
const KEY_ATTEMPTS = 3;

export async function loginRun(opts: LoginOptions): Promise<void> {
  if (opts.web && opts.withToken) throw new UsageError('--web and --with-token cannot be used together', 'pick one: sign in in a browser, or pipe a key in');
  if (opts.web && opts.provider && opts.provider !== 'tokenplan') throw new UsageError(`--web signs in to Token Plan servers only, not ${opts.provider}`, 'drop --provider, or log in with a key');
  const asking = !opts.withToken && opts.io.canPrompt();
  let existing = opts.settings.profile(opts.profile);
  let provider = opts.provider ?? (opts.web ? 'tokenplan' : existing?.provider);
  if (!provider && asking) {
    const choices = await Promise.all(PROVIDER_KINDS.map(async (kind) => ({ name: (await opts.providerAdapter(kind)).label, value: kind })));
    provider = await opts.prompter.select('What do you want to log in to?', choices, 'tokenplan');
  }
  provider ??= 'tokenplan';
  const profile = await opts.providerAdapter(provider);
  let apiUrl = opts.apiUrl ?? (existing?.provider === provider ? existing.api_url : undefined);
  // A login that would change where an existing profile points must not do so without a word.
  if (existing && !opts.force && (existing.provider !== provider || (apiUrl !== undefined && apiUrl !== existing.api_url))) {
    const what = `profile "${opts.profile}" is ${existing.provider} at ${existing.api_url}`;
    if (!asking) throw new UsageError(`${what}: not replaced`, `pass --force to replace it, or --profile NAME to add another profile`);
    if (!(await opts.prompter.confirm(`The ${what}. Replace it?`, false))) {
      opts.profile = await opts.prompter.input('Name of the new profile to add instead');
      if (!/^[\w.-]+$/.test(opts.profile) || opts.settings.profile(opts.profile)) throw new UsageError(`"${opts.profile}" cannot be a new profile's name`, 'use letters, digits, dot, dash and underscore, and a name not in `tokencli profiles`');
      existing = undefined;
    }
  }
  let key: string | undefined;

  if (opts.withToken) {
    // The line end that `echo` adds is framing, not part of the key; anything else is checked below.
    key = (await opts.io.readStdin()).replace(/\r?\n$/, '') || undefined;
    if (!key && profile.needsKey) throw new UsageError('--with-token read nothing from standard input', 'pipe the key in: echo "$TOKEN" | tokencli login --with-token');
  } else if (opts.web) {
    apiUrl ??= profile.defaultBaseUrl;
    key = await webLoginKey({ io: opts.io, quiet: opts.quiet, client: await opts.clientFor(provider, apiUrl, undefined), ...opts.web });
  } else if (asking) {
    apiUrl ??= await opts.prompter.input('API URL', profile.defaultBaseUrl);
  } else if (profile.needsKey) {
    throw new UsageError('no API key given and no terminal to ask for one', 'pipe it in with --with-token: echo "$TOKEN" | tokencli login --with-token');
  }
  apiUrl ??= profile.defaultBaseUrl;
  const url = apiUrl;
  const kind = provider;

  // The key is checked (shape, then the provider's cheapest call that needs one) before anything is
  // saved. At a terminal a refused key is asked for again; piped, it fails at once.
  const check = async (candidate: string | undefined) => {
    const problem = candidate === undefined ? undefined : keyProblem(candidate);
    if (problem) throw new AuthRequiredError(`that API key ${problem}`, 'paste the key alone, with nothing before or after it');
    if (kind === 'tokenplan' && !API_KEY_PATTERN.test(candidate ?? '')) {
      throw new AuthRequiredError('that does not look like a Token Plan API key', 'keys start with tp_ followed by at least 32 letters and digits');
    }
    if (profile.needsKey && !candidate) throw new AuthRequiredError('an empty API key', 'paste the key your provider gave you');
    return profile.verify(await opts.clientFor(kind, url, candidate));
  };
  let verified: unknown;
  if (asking && profile.needsKey && !opts.web) {
    for (let attempt = 1; ; attempt++) {
      key = (await opts.prompter.password('Paste your API key')).replace(/\r?\n$/, '');
      try {
        verified = await check(key);
        break;
      } catch (e) {
        if (attempt >= KEY_ATTEMPTS || !(e instanceof AuthRequiredError || e instanceof AuthenticationError)) throw e;
        warn(opts.io, `${e instanceof AuthenticationError ? 'the provider refused that key' : (e as Error).message}: try again (${KEY_ATTEMPTS - attempt} left)`);
      }
    }
  } else {
    verified = await check(key);
  }
  const account = provider === 'tokenplan' ? (verified as Account) : undefined;

  if (key) opts.credentials().set(opts.profile, key);
  else opts.credentials().delete(opts.profile);
  opts.settings.saveProfile(opts.profile, { ...existing, provider, api_url: apiUrl });
  opts.settings.useProfile(opts.profile);

  if (opts.json) printJson(opts.io, { profile: opts.profile, provider, api_url: apiUrl, account: account ?? null });
  success(opts.io, opts.quiet, `Logged in to ${apiUrl}${account ? ` as ${account.name}` : ` (${provider})`} (profile "${opts.profile}", now the current one)`);
  if (opts.envKeySet) warn(opts.io, 'TOKENCLI_API_KEY is set and takes precedence over the stored key until you unset it');
}
