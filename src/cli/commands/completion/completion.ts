/** `tokencli completion SHELL`: the completion script for bash, zsh or fish, generated from the command tree. */
import { Argument, Command } from 'commander';
import type { IOStreams } from '../../io/streams.js';
import type { Context } from '../../context.js';
import { bashScript, fishScript, zshScript } from './scripts.js';
import { completionSpec } from './spec.js';

export const SHELLS = { bash: bashScript, zsh: zshScript, fish: fishScript } as const;
export type Shell = keyof typeof SHELLS;

export function completionScript(root: Command, shell: Shell): string {
  return SHELLS[shell](completionSpec(root));
}

export interface CompletionOptions {
  io: IOStreams;
  root: Command;
  shell: Shell;
}

export function completionCommand(ctx: Context, root: () => Command, runF = completionRun): Command {
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
    .action((shell: Shell) => runF({ io: ctx.io, root: root(), shell }));
}

export function completionRun(opts: CompletionOptions): void {
  opts.io.out(completionScript(opts.root, opts.shell));
}
