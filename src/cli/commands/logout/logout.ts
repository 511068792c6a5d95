/** `tokencli logout`: forget the stored key of a profile (and say so when TOKENCLI_API_KEY would still be used). */
import { Command } from 'commander';
import type { CredentialStore } from '../../../config/credentials.js';
import type { Context } from '../../context.js';
import type { IOStreams } from '../../io/streams.js';
import { note, success, warn } from '../../io/messages.js';
import { printJson } from '../../io/json.js';

export interface LogoutOptions {
  io: IOStreams;
  credentials: () => CredentialStore;
  profile: string;
  envKeySet: boolean;
  json: boolean;
  quiet: boolean;
}

export function logoutCommand(ctx: Context, runF = logoutRun): Command {
  return new Command('logout')
    .description('Remove the stored API key of a profile (its other settings stay)')
    .addHelpText('after', '\nExamples:\n  $ tokencli logout\n  $ tokencli logout --profile work')
    .action(async () =>
      runF({ io: ctx.io, credentials: ctx.credentials, profile: await ctx.profileName(), envKeySet: Boolean(ctx.env.TOKENCLI_API_KEY), json: ctx.globals.json, quiet: ctx.globals.quiet }),
    );
}

export async function logoutRun(opts: LogoutOptions): Promise<void> {
  const removed = opts.credentials().delete(opts.profile);
  if (opts.json) printJson(opts.io, { profile: opts.profile, removed });
  if (removed) success(opts.io, opts.quiet, `Logged out of profile "${opts.profile}": its key is deleted`);
  else note(opts.io, opts.quiet, `profile "${opts.profile}" had no stored key`);
  if (opts.envKeySet) warn(opts.io, 'TOKENCLI_API_KEY is still set in this environment');
}
