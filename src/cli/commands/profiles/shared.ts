/** What the profiles verbs share, built once from the context. */
import type { CredentialStore } from '../../../config/credentials.js';
import type { Settings } from '../../../config/settings-store.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import type { IOStreams } from '../../io/streams.js';

export interface ProfilesOptions {
  io: IOStreams;
  settings: Settings;
  credentials: () => CredentialStore;
  active: string;
  json: boolean;
  quiet: boolean;
}

export const profilesOptions = async (ctx: Context): Promise<ProfilesOptions> => ({
  io: ctx.io,
  settings: await ctx.settings(),
  credentials: ctx.credentials,
  active: await ctx.profileName(),
  json: ctx.globals.json,
  quiet: ctx.globals.quiet,
});


/** A stored profile's name, or a usage error that lists the stored ones. */
export function requireProfile(opts: ProfilesOptions, name: string): string[] {
  const known = Object.keys(opts.settings.profiles());
  if (!known.includes(name)) throw new UsageError(`no profile "${name}"`, known.length ? `profiles: ${known.join(', ')}` : 'create one with `tokencli login --profile NAME`');
  return known;
}
