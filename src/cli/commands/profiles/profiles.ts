/** `tokencli profiles`: the stored profiles, which one is current, and whether each has a key. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { printJson, printRows } from '../../io/table.js';
import { profilesUseCommand } from './use.js';
import { profilesOptions, type ProfilesOptions } from './shared.js';

/** `tokencli profiles` lists them; its verbs (`use`) live in their own files. */
export function profilesCommand(ctx: Context, runF = profilesListRun): Command {
  return new Command('profiles')
    .description('List profiles, or switch the current one')
    .addHelpText('after', '\nExamples:\n  $ tokencli profiles\n  $ tokencli profiles use work')
    .action(async () => runF(await profilesOptions(ctx)))
    .addCommand(profilesUseCommand(ctx));
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
