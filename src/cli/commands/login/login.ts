import { Command, Option } from 'commander';
import type { TokenClient } from '../../../client/client.js';
import { CredentialStore } from '../../../config/credentials.js';
import { DEFAULT_TOKENPLAN_URL, PROVIDER_KINDS, type ProviderKind } from '../../../config/settings.js';
import type { Settings } from '../../../config/settings-store.js';
import { API_KEY_PATTERN } from '../../../shared/keys.js';
import type { Account } from '../../../shared/wire.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import type { Prompter } from '../../io/prompter.js';
import type { IOStreams } from '../../io/streams.js';
import { success, warn } from '../../io/messages.js';
import { printJson } from '../../io/table.js';

export interface LoginOptions {
  io: IOStreams;
  prompter: Prompter;
  settings: Settings;
  credentials: () => CredentialStore;
  profile: string;
  provider?: ProviderKind;
  apiUrl?: string;
  withToken: boolean;
  envKeySet: boolean;
  json: boolean;
  quiet: boolean;
  /** A client for the given URL and key, used to verify the key before it is saved. */
  clientFor: (apiUrl: string, apiKey: string) => Promise<TokenClient>;
}

export function loginCommand(ctx: Context, runF = loginRun): Command {
  return new Command('login')
    .description('Store an API key for a provider in a profile, after checking it works')
    .addOption(new Option('--provider <kind>', 'provider kind').choices(PROVIDER_KINDS))
    .option('--with-token', 'read the API key from standard input', false)
    .addHelpText(
      'after',
      `
The key is verified (GET /v1/account) before it is saved, in a file only you can read.
Without a terminal, --with-token is required.

Examples:
  $ tokencli login
  $ echo "$TOKEN" | tokencli login --with-token --api-url http://127.0.0.1:8787
  $ tokencli login --profile work --api-url https://tokens.example.com`,
    )
    .action(async (flags: { provider?: ProviderKind; withToken: boolean }) =>
      runF({
        io: ctx.io,
        prompter: ctx.prompter,
        settings: await ctx.settings(),
        credentials: ctx.credentials,
        profile: await ctx.profileName(),
        ...(flags.provider ? { provider: flags.provider } : {}),
        ...(ctx.globals.apiUrl ? { apiUrl: ctx.globals.apiUrl } : {}),
        withToken: flags.withToken,
        envKeySet: Boolean(ctx.env.TOKENCLI_API_KEY),
        json: ctx.globals.json,
        quiet: ctx.globals.quiet,
        clientFor: (apiUrl, apiKey) => ctx.client({ apiUrl, apiKey }),
      }),
    );
}

export async function loginRun(opts: LoginOptions): Promise<void> {
  const existing = opts.settings.profile(opts.profile);
  let provider = opts.provider ?? existing?.provider;
  let apiUrl = opts.apiUrl ?? existing?.api_url;
  let key: string;

  if (opts.withToken) {
    key = (await opts.io.readStdin()).trim();
    if (!key) throw new UsageError('--with-token read nothing from standard input', 'pipe the key in: echo "$TOKEN" | tokencli login --with-token');
  } else if (opts.io.canPrompt()) {
    provider ??= await opts.prompter.select(
      'What do you want to log in to?',
      [{ name: 'A Token Plan server (tokencli serve, or a carrier that speaks the Token Plan API)', value: 'tokenplan' as const }],
      'tokenplan',
    );
    apiUrl ??= await opts.prompter.input('API URL', DEFAULT_TOKENPLAN_URL);
    key = (await opts.prompter.password('Paste your API key')).trim();
  } else {
    throw new UsageError('no API key given and no terminal to ask for one', 'pipe it in with --with-token: echo "$TOKEN" | tokencli login --with-token');
  }
  provider ??= 'tokenplan';
  apiUrl ??= DEFAULT_TOKENPLAN_URL;
  if (provider === 'tokenplan' && !API_KEY_PATTERN.test(key)) {
    throw new UsageError('that does not look like a Token Plan API key', 'keys start with tp_ followed by at least 32 letters and digits');
  }

  const client = await opts.clientFor(apiUrl, key);
  const account: Account = await client.account.get();

  opts.credentials().set(opts.profile, key);
  opts.settings.saveProfile(opts.profile, { ...existing, provider, api_url: apiUrl });
  opts.settings.useProfile(opts.profile);

  if (opts.json) printJson(opts.io, { profile: opts.profile, provider, api_url: apiUrl, account });
  success(opts.io, opts.quiet, `Logged in to ${apiUrl} as ${account.name} (profile "${opts.profile}")`);
  if (opts.envKeySet) warn(opts.io, 'TOKENCLI_API_KEY is set and takes precedence over the stored key until you unset it');
}
