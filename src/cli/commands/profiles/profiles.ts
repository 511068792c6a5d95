import { Command } from 'commander';
import type { CredentialStore } from '../../../config/credentials.js';
import type { Settings } from '../../../config/settings-store.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import type { IOStreams } from '../../io/streams.js';
import { success } from '../../io/messages.js';
import { printJson, printRows } from '../../io/table.js';

export interface ProfilesOptions {
  io: IOStreams;
  settings: Settings;
  credentials: () => CredentialStore;
  active: string;
  json: boolean;
  quiet: boolean;
}

export function profilesCommand(ctx: Context, listF = profilesListRun, useF = profilesUseRun): Command {
  const opts = async (): Promise<ProfilesOptions> => ({ io: ctx.io, settings: await ctx.settings(), credentials: ctx.credentials, active: await ctx.profileName(), json: ctx.globals.json, quiet: ctx.globals.quiet });
  const cmd = new Command('profiles')
    .description('List profiles, or switch the current one')
    .addHelpText('after', '\nExamples:\n  $ tokencli profiles\n  $ tokencli profiles use work')
    .action(async () => listF(await opts()));
  cmd
    .command('use')
    .description('Make a profile the current one')
    .argument('<name>', 'profile name')
    .addHelpText('after', '\nExample:\n  $ tokencli profiles use work')
    .action(async (name: string) => useF({ ...(await opts()), name }));
  return cmd;
}

export async function profilesListRun(opts: ProfilesOptions): Promise<void> {
  const profiles = Object.entries(opts.settings.profiles()).map(([name, p]) => ({
    name,
    provider: p.provider,
    api_url: p.api_url,
    model: p.model ?? null,
    logged_in: opts.credentials().get(name) !== undefined,
    active: name === opts.active,
  }));
  if (opts.json) return printJson(opts.io, { active: opts.active, profiles });
  if (profiles.length === 0) return void opts.io.err('no profiles yet: run `tokencli login`\n');
  printRows(
    opts.io,
    ['', 'name', 'provider', 'api url', 'model', 'key'],
    profiles.map((p) => [p.active ? '*' : '', p.name, p.provider, p.api_url, p.model ?? '-', p.logged_in ? 'stored' : 'none']),
  );
}

export async function profilesUseRun(opts: ProfilesOptions & { name: string }): Promise<void> {
  const known = Object.keys(opts.settings.profiles());
  if (!known.includes(opts.name)) {
    throw new UsageError(`no profile "${opts.name}"`, known.length ? `profiles: ${known.join(', ')}` : 'create one with `tokencli login --profile NAME`');
  }
  opts.settings.useProfile(opts.name);
  if (opts.json) printJson(opts.io, { active: opts.name });
  success(opts.io, opts.quiet, `Now using profile "${opts.name}"`);
}
