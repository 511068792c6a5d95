import { Argument, Command } from 'commander';
import type { Context } from '../../context.js';
import { bashScript, fishScript, zshScript } from './scripts.js';
import { completionSpec } from './spec.js';

export const SHELLS = { bash: bashScript, zsh: zshScript, fish: fishScript } as const;
export type Shell = keyof typeof SHELLS;

export function completionScript(root: Command, shell: Shell): string {
  return SHELLS[shell](completionSpec(root));
}

export function completionCommand(ctx: Context, root: () => Command): Command {
  return new Command('completion')
    .description('Print the shell completion script for bash, zsh or fish')
    .addArgument(new Argument('<shell>', 'the shell').choices(Object.keys(SHELLS)))
    .addHelpText(
      'after',
      `
Examples:
  $ source <(tokencli completion bash)
  $ tokencli completion zsh > "\${fpath[1]}/_tokencli"
  $ tokencli completion fish > ~/.config/fish/completions/tokencli.fish`,
    )
    .action((shell: Shell) => ctx.io.out(completionScript(root(), shell)));
}

/** Answers the completion scripts from local files only: config and the provider cache. */
export function completeCommand(ctx: Context): Command {
  return new Command('__complete')
    .description('(for the completion scripts) list profiles, plans or models from local files')
    .argument('<kind>', 'profiles | plans | models')
    .action(async (kind: string) => {
      const out = (xs: string[] | undefined) => ctx.io.out((xs ?? []).map((x) => `${x}\n`).join(''));
      if (kind === 'profiles') return out(Object.keys((await ctx.settings()).profiles()));
      const catalog = await ctx.catalog();
      if (kind === 'plans') return out(catalog.cachedPlans()?.map((p) => p.id));
      if (kind === 'models') return out(catalog.cached()?.map((m) => m.id));
    });
}
