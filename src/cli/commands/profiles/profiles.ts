/** `tokencli profiles`: the stored profiles, which one is current, and whether each has a key. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { printTable } from '../../io/table.js';
import { printJson } from '../../io/json.js';
import { profilesRenameCommand } from './rename.js';
import { profilesRmCommand } from './rm.js';
import { profilesUseCommand } from './use.js';
import { profilesOptions, type ProfilesOptions } from './shared.js';

/** `tokencli profiles` lists them; its verbs (`use`) live in their own files. */
export function profilesCommand(ctx: Context, runF = profilesListRun): Command {
  return new Command('profiles')
    .description('List profiles; use, rm or rename one')
    .addHelpText('after', '\nExamples:\n  $ tokencli profiles\n  $ tokencli profiles use work\n  $ tokencli profiles rename default personal')
    .action(async () => runF(await profilesOptions(ctx)))
    .addCommand(profilesUseCommand(ctx))
    .addCommand(profilesRmCommand(ctx))
    .addCommand(profilesRenameCommand(ctx));
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
  printTable(
    opts.io,
    [
      { key: 'active', title: '', human: (p) => (p.active ? '*' : ''), raw: (p) => p.active },
      { key: 'name', title: 'name', human: (p) => p.name, raw: (p) => p.name },
      { key: 'provider', title: 'provider', human: (p) => p.provider, raw: (p) => p.provider },
      { key: 'api_url', title: 'api url', human: (p) => p.api_url, raw: (p) => p.api_url, drop: 1 },
      { key: 'model', title: 'model', human: (p) => p.model ?? '-', raw: (p) => p.model, drop: 2 },
      { key: 'logged_in', title: 'key', human: (p) => (p.logged_in ? 'stored' : 'none'), raw: (p) => p.logged_in },
    ],
    profiles,
  );
}
