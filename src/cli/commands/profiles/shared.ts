/** What the profiles verbs share, built once from the context. */
import type { CredentialStore } from '../../../config/credentials.js';
import type { Settings } from '../../../config/settings-store.js';
import type { Context } from '../../context.js';
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

