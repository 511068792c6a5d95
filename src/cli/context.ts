/**
 * The Context is built once in main.ts and handed to every command: terminal streams, the prompter,
 * the clock, and lazy getters for the expensive parts (settings, credentials, the HTTP client, the
 * ledger), so `tokencli --help` never opens a file or loads undici.
 */
import { TokenClient, type Fetch } from '../client/client.js';
import { CredentialStore } from '../config/credentials.js';
import { resolvePaths, type Paths } from '../config/paths.js';
import { DEFAULT_PROFILE, DEFAULT_TOKENPLAN_URL, Settings, type Profile } from '../config/settings.js';
import type { Ledger } from '../ledger/ledger.js';
import { AuthRequiredError, UsageError } from './errors.js';
import type { Prompter } from './io/prompter.js';
import type { IOStreams } from './io/streams.js';

/** Flags every command accepts, read from the root command after parsing. */
export interface GlobalOptions {
  profile?: string;
  apiUrl?: string;
  json: boolean;
  color: boolean;
  quiet: boolean;
  debug: boolean;
  timeout: number;
  insecure: boolean;
}

export const DEFAULT_TIMEOUT_SECONDS = 30;

export interface Context {
  io: IOStreams;
  prompter: Prompter;
  now: () => Date;
  env: Record<string, string | undefined>;
  paths: Paths;
  version: string;
  globals: GlobalOptions;
  settings(): Settings;
  credentials(): CredentialStore;
  /** The profile in force: --profile, then TOKENCLI_PROFILE, then the current one. */
  profileName(): string;
  profile(): Profile | undefined;
  apiUrl(): string;
  /** The key in force and where it came from; TOKENCLI_API_KEY beats the stored one. */
  apiKey(): { key: string; source: 'env' | 'stored' } | undefined;
  /** A client for the profile; `requireKey` fails early (exit 4) when there is no key. */
  client(o?: { requireKey?: boolean; apiKey?: string; apiUrl?: string }): Promise<TokenClient>;
  ledger(): Ledger;
}

export const once = <T>(make: () => T) => {
  let cell: { value: T } | undefined;
  return () => (cell ??= { value: make() }).value;
};

export interface ContextDeps {
  io: IOStreams;
  prompter: Prompter;
  env: Record<string, string | undefined>;
  version: string;
  now?: () => Date;
  /** Replaces the network transport (tests drive the server app in-process). */
  fetch?: Fetch;
  openLedger: (file: string) => Ledger;
}

export function createContext(deps: ContextDeps): Context {
  const paths = resolvePaths(deps.env);
  const settings = once(() => new Settings(paths.configDir));
  const credentials = once(() => new CredentialStore(paths.credentialsFile));
  const transport = once(() => makeTransport(deps.fetch, ctx.globals.timeout * 1000));
  const ctx: Context = {
    io: deps.io,
    prompter: deps.prompter,
    now: deps.now ?? (() => new Date()),
    env: deps.env,
    paths,
    version: deps.version,
    globals: { json: false, color: true, quiet: false, debug: false, timeout: DEFAULT_TIMEOUT_SECONDS, insecure: false },
    settings,
    credentials,
    profileName: () => ctx.globals.profile ?? (deps.env.TOKENCLI_PROFILE || undefined) ?? settings().currentProfile() ?? DEFAULT_PROFILE,
    profile: () => settings().profile(ctx.profileName()),
    apiUrl: () => ctx.globals.apiUrl ?? (deps.env.TOKENCLI_API_URL || undefined) ?? ctx.profile()?.api_url ?? DEFAULT_TOKENPLAN_URL,
    apiKey: () => {
      if (deps.env.TOKENCLI_API_KEY) return { key: deps.env.TOKENCLI_API_KEY, source: 'env' };
      const stored = credentials().get(ctx.profileName());
      return stored ? { key: stored, source: 'stored' } : undefined;
    },
    client: async (o = {}) => {
      const apiUrl = o.apiUrl ?? ctx.apiUrl();
      checkUrl(apiUrl, ctx.globals.insecure);
      const apiKey = o.apiKey ?? ctx.apiKey()?.key;
      if (o.requireKey && !apiKey) throw new AuthRequiredError(`no API key for profile "${ctx.profileName()}"`);
      const fetch = await transport();
      return new TokenClient({
        baseUrl: apiUrl,
        ...(apiKey ? { apiKey } : {}),
        fetch,
        timeoutMs: ctx.globals.timeout * 1000,
        userAgent: `tokencli/${deps.version}`,
        ...(ctx.globals.debug ? { debug: (line: string) => deps.io.err(deps.io.errColor.gray(`[debug] ${line}`) + '\n') } : {}),
      });
    },
    ledger: once(() => deps.openLedger(paths.ledgerFile)),
  };
  return ctx;
}

/**
 * undici's fetch through an agent that honours HTTPS_PROXY, HTTP_PROXY and NO_PROXY, with connect,
 * header and body (idle) timeouts: a stream that stalls longer than the timeout fails.
 */
async function makeTransport(injected: Fetch | undefined, timeoutMs: number): Promise<Fetch> {
  if (injected) return injected;
  const { EnvHttpProxyAgent, fetch } = await import('undici');
  const dispatcher = new EnvHttpProxyAgent({ connectTimeout: timeoutMs, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  return (url, init) => fetch(url, { ...(init as object), dispatcher }) as unknown as Promise<Response>;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Plain http only to this machine, unless the user says --insecure. */
export function checkUrl(apiUrl: string, insecure: boolean): void {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    throw new UsageError(`not a URL: ${apiUrl}`, 'pass a full URL such as https://api.example.com');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`unsupported URL scheme: ${url.protocol}`);
  const loopback = LOOPBACK.has(url.hostname) || url.hostname.startsWith('127.');
  if (url.protocol === 'http:' && !loopback && !insecure) {
    throw new UsageError(`refusing plain http:// to ${url.host}: the API key would travel unencrypted`, 'use https://, or pass --insecure if you really mean it');
  }
}
