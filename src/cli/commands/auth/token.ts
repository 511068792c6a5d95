/** `tokencli auth token`: print the key in force, for another tool (as `gh auth token` does); exit 4 without one. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { AuthRequiredError } from '../../errors.js';
import type { IOStreams } from '../../io/streams.js';

export interface AuthTokenOptions {
  io: IOStreams;
  profile: string;
  key?: string;
}

export function authTokenCommand(ctx: Context, runF = authTokenRun): Command {
  return new Command('token')
    .description('Print the API key in force (TOKENCLI_API_KEY, else the profile\'s stored key) on stdout')
    .addHelpText('after', '\nExample:\n  $ OPENAI_API_KEY="$(tokencli auth token)" some-openai-tool')
    .action(async () => {
      const key = (await ctx.apiKey())?.key;
      return runF({ io: ctx.io, profile: await ctx.profileName(), ...(key ? { key } : {}) });
    });
}

export function authTokenRun(opts: AuthTokenOptions): void {
  if (!opts.key) throw new AuthRequiredError(`no API key for profile "${opts.profile}"`);
  opts.io.out(`${opts.key}\n`);
}
