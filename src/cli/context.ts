/**
 * The Context is built once in main.ts and handed to every command: terminal streams, the prompter,
 * the clock, and lazy getters for the expensive parts (settings, credentials, the HTTP client, the
 * ledger), so `tokencli --help` never opens a file or loads undici.
 *
 * Longer than most files because it is the one place that wires the command layer: which profile,
 * URL, key, ledger and client are in force, and in what order they are resolved.
 */
import type { Fetch, TokenClient } from '../client/client.js';
import { AliasStore } from '../config/aliases.js';
import { CredentialStore } from '../config/credentials.js';
import { TemplateStore } from '../config/templates.js';
import { resolvePaths, type Paths } from '../config/paths.js';
import { DEFAULT_PROFILE, type Profile, type ProviderKind } from '../config/settings.js';
import type { Settings } from '../config/settings-store.js';
import type { Ledger } from '../ledger/ledger.js';
import type { OpenOptions } from '../ledger/open.js';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { keyProblem } from '../config/credentials.js';
import { warn } from './io/messages.js';
import { localTimeZone } from '../ledger/periods.js';
import { ProviderCache } from './provider-cache.js';
import { dirname, join } from 'node:path';
import { AuthRequiredError, UsageError } from './errors.js';
import type { Prompter } from './io/prompter.js';
import type { IOStreams } from './io/streams.js';

/** Flags every command accepts, read from the root command after parsing. */
export interface GlobalOptions {
  profile?: string;
  apiUrl?: string;
  json: boolean;
  color: boolean;
  header: boolean;
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
  settings(): Promise<Settings>;
  credentials(): CredentialStore;
  /** Model aliases and prompt templates: plain files in the config directory. */
  aliases(): AliasStore;
  templates(): Promise<TemplateStore>;
  /** The profile in force: --profile, then TOKENCLI_PROFILE, then the current one. */
  profileName(): Promise<string>;
  profile(): Promise<Profile | undefined>;
  apiUrl(): Promise<string>;
  /** The provider kind of the profile: Token Plan unless the profile says otherwise. */
  providerKind(): Promise<ProviderKind>;
  /** The key in force and where it came from; TOKENCLI_API_KEY beats the stored one. */
  apiKey(): Promise<{ key: string; source: 'env' | 'stored' } | undefined>;
  /** A client for the profile; `requireKey` fails early (exit 4) when there is no key. */
  /** `apiKey: null` means no key at all (never fall back to the current profile's). */
  client(o?: { requireKey?: boolean; apiKey?: string | null; apiUrl?: string; provider?: ProviderKind; maxRetries?: number }): Promise<TokenClient>;
  /** The ledger for writing: runs, budgets, snapshots. A journal left by an earlier run is replayed first. */
  ledger(): Promise<Ledger>;
  /** The ledger for reading only: works on a read-only home and takes no lock. */
  readLedger(): Promise<Ledger>;
  /** Where a run goes when the ledger cannot take it. */
  journalFile: string;
  /** Which account a key speaks for, as the ledger keys snapshots and runs: a hash, never the key. */
  account(): Promise<string>;
  /** Closes what was opened (the ledger), so its write-ahead log is checkpointed into the file. */
  close(): Promise<void>;
  /** The time zone of budget periods: the profile's `tz`, else the machine's. */
  timeZone(): Promise<string>;
  /** The models of the profile's provider, cached from the last answer. */
  providerCache(): Promise<ProviderCache>;
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
  openLedger: (file: string, o: OpenOptions) => Promise<Ledger>;
}

export function createContext(deps: ContextDeps): Context {
  const paths = resolvePaths(deps.env);
  // zod (through the client) and SQLite each cost tens of milliseconds to load: only on demand.
  const settings = once(async () => new (await import('../config/settings-store.js')).Settings(paths.configDir));
  const credentials = once(() => new CredentialStore(paths.credentialsFile, (message) => warn(deps.io, message)));
  const busyTimeoutMs = ledgerWaitMs(deps.env.TOKENCLI_LEDGER_WAIT);
  let writerOpened = false;
  let readerOpened = false;
  const readOnly = once(() => {
    readerOpened = true;
    return deps.openLedger(paths.ledgerFile, { readOnly: true, busyTimeoutMs, now: ctx.now });
  });
  const env = (name: string) => deps.env[name] || undefined;
  const ctx: Context = {
    io: deps.io,
    prompter: deps.prompter,
    now: deps.now ?? (() => new Date()),
    env: deps.env,
    paths,
    version: deps.version,
    globals: { json: false, color: true, header: true, quiet: false, debug: false, timeout: DEFAULT_TIMEOUT_SECONDS, insecure: false },
    settings,
    credentials,
    aliases: once(() => new AliasStore(paths.configDir)),
    templates: once(() => TemplateStore.open(paths.configDir)),
    profileName: async () => ctx.globals.profile ?? env('TOKENCLI_PROFILE') ?? (await settings()).currentProfile() ?? DEFAULT_PROFILE,
    profile: async () => {
      const name = await ctx.profileName();
      const profiles = (await settings()).profiles();
      const explicit = ctx.globals.profile ?? env('TOKENCLI_PROFILE');
      // A typo must not fall back to the built-in URL and send the stored key there.
      if (explicit !== undefined && !(name in profiles) && name !== DEFAULT_PROFILE) {
        const known = Object.keys(profiles);
        throw new UsageError(`no profile "${name}"`, known.length ? `profiles: ${known.join(', ')} (create one with \`tokencli login --profile ${name}\`)` : `create it with \`tokencli login --profile ${name}\``);
      }
      return profiles[name];
    },
    apiUrl: async () => ctx.globals.apiUrl ?? env('TOKENCLI_API_URL') ?? (await ctx.profile())?.api_url ?? (await providerDefaults(await ctx.providerKind())).defaultBaseUrl,
    providerKind: async () => (await ctx.profile())?.provider ?? 'tokenplan',
    apiKey: async () => {
      const fromEnv = env('TOKENCLI_API_KEY');
      if (fromEnv) {
        const problem = keyProblem(fromEnv);
        if (problem) throw new AuthRequiredError(`TOKENCLI_API_KEY ${problem}`, 'set it to the key alone, e.g. export TOKENCLI_API_KEY="$(tr -d \'[:space:]\' < keyfile)"');
        return { key: fromEnv, source: 'env' };
      }
      const stored = credentials().get(await ctx.profileName());
      return stored ? { key: stored, source: 'stored' } : undefined;
    },
    client: async (o = {}) => {
      const apiUrl = o.apiUrl ?? (await ctx.apiUrl());
      checkUrl(apiUrl, ctx.globals.insecure);
      const kind = o.provider ?? (await ctx.providerKind());
      const profile = await providerDefaults(kind);
      const apiKey = o.apiKey === null ? undefined : (o.apiKey ?? (await ctx.apiKey())?.key);
      if (o.requireKey && profile.needsKey && !apiKey) throw new AuthRequiredError(`no API key for profile "${await ctx.profileName()}"`);
      const { TokenClient } = await import('../client/client.js');
      return new TokenClient({
        baseUrl: apiUrl,
        apiPrefix: profile.apiPrefix,
        ...(apiKey ? { apiKey } : {}),
        fetch: deps.fetch ?? (await proxyAwareFetch(deps.env)),
        timeoutMs: ctx.globals.timeout * 1000,
        ...(o.maxRetries !== undefined ? { maxRetries: o.maxRetries } : {}),
        userAgent: `tokencli/${deps.version}`,
        ...(ctx.globals.debug ? { debug: (line: string) => deps.io.err(deps.io.errColor.gray(`[debug] ${line}`) + '\n') } : {}),
      });
    },
    ledger: once(async () => {
      writerOpened = true;
      const ledger = await deps.openLedger(paths.ledgerFile, { busyTimeoutMs, now: ctx.now });
      const { replayJournal } = await import('../ledger/journal.js');
      try {
        replayJournal(ctx.journalFile, ledger);
      } catch (e) {
        warn(deps.io, `could not add the journal ${ctx.journalFile} to the ledger yet (${(e as Error).message}); the next command tries again`);
      }
      return ledger;
    }),
    // Once this process writes, it reads what it wrote. A journal waiting to be replayed is part of
    // the truth too: read through the writer when there is one.
    readLedger: async () => {
      if (writerOpened || existsSync(ctx.journalFile)) return ctx.ledger().catch(() => readOnly());
      return readOnly();
    },
    journalFile: join(dirname(paths.ledgerFile), 'ledger.journal'),
    account: async () => {
      const key = (await ctx.apiKey())?.key;
      return key ? `key:${createHash('sha256').update(key).digest('hex').slice(0, 16)}` : '';
    },
    providerCache: once(async () => new ProviderCache(paths.cacheDir, await ctx.apiUrl(), ctx.now)),
    close: async () => {
      const opened = [writerOpened ? ctx.ledger() : undefined, readerOpened ? readOnly() : undefined];
      for (const ledger of await Promise.all(opened.map((p) => p?.catch(() => undefined)))) {
        try {
          ledger?.close();
        } catch {
          // Closing is housekeeping: a failure here changes nothing already recorded.
        }
      }
    },
    timeZone: async () => (await ctx.profile())?.tz ?? localTimeZone(),
  };
  return ctx;
}

/** The provider table loads zod schemas, so it is imported only when a client is made. */
export async function providerDefaults(kind: ProviderKind) {
  return (await import('../client/providers/adapters.js')).providerAdapter(kind);
}

const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/**
 * Without a proxy, node:http (client/http-transport.ts): Node's own fetch makes every process that
 * used it wait at exit while V8 compiles undici's WebAssembly parser. With one, the npm undici
 * (about 100 ms to load) for its EnvHttpProxyAgent, which honours HTTPS_PROXY, HTTP_PROXY and
 * NO_PROXY. Timeouts are the client's job, so they apply to both paths alike.
 */
async function proxyAwareFetch(env: Record<string, string | undefined>): Promise<Fetch> {
  if (!PROXY_VARS.some((v) => env[v])) return (await import('../client/http-transport.js')).httpFetch;
  const { EnvHttpProxyAgent, fetch: undiciFetch } = await import('undici');
  const dispatcher = new EnvHttpProxyAgent({
    httpProxy: env.HTTP_PROXY ?? env.http_proxy,
    httpsProxy: env.HTTPS_PROXY ?? env.https_proxy,
    noProxy: env.NO_PROXY ?? env.no_proxy,
  });
  return (url, init) => undiciFetch(url, { ...(init as object), dispatcher }) as unknown as ReturnType<Fetch>;
}

/**
 * How long a ledger write waits for another process's lock (TOKENCLI_LEDGER_WAIT, seconds) before
 * the run goes to the journal instead.
 */
function ledgerWaitMs(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) throw new UsageError(`TOKENCLI_LEDGER_WAIT must be a number of seconds, not "${value}"`);
  return seconds * 1000;
}

/** This machine, decided from the parsed host: 127.0.0.0/8 and ::1 literals, and `localhost`. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.split('.')[0] === '127';
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(host) || /^::ffff:7f/.test(host);
  return false;
}

/** Plain http only to this machine, unless the user says --insecure. */
export function checkUrl(apiUrl: string, insecure: boolean): void {
  let url: URL;
  try {
    url = new URL(apiUrl);
  } catch {
    throw new UsageError(`not a URL: ${apiUrl}`, 'pass a full URL such as https://api.example.com');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`unsupported URL scheme: ${url.protocol}`);
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname) && !insecure) {
    throw new UsageError(`refusing plain http:// to ${url.host}: the API key would travel unencrypted`, 'use https://, or pass --insecure if you really mean it');
  }
}
