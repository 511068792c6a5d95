/**
 * `tokencli template`: prompt templates kept as YAML files, listed by itself; `set`, `show` and `rm`
 * are its verbs. `run -t NAME` uses one, filling `$input` with the prompt and `$name` from `-p`.
 */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { note } from '../../io/messages.js';
import { printTable } from '../../io/table.js';
import { printJson } from '../../io/json.js';
import { templateRmCommand } from './rm.js';
import { templateSetCommand } from './set.js';
import { templateShowCommand } from './show.js';
import { templateOptions, type TemplateOptions } from './shared.js';

export function templateCommand(ctx: Context, runF = templateListRun): Command {
  return new Command('template')
    .description('Prompt templates: a system prompt, a prompt with $input and $name parameters, a model and its settings')
    .addHelpText('after', `\nExamples:\n  $ tokencli template set review --system "You review code tersely" --prompt $'Review this $lang:\\n\\n$input' --model demo-pro\n  $ git diff | tokencli run -t review -p lang=TypeScript`)
    .action(async () => runF(await templateOptions(ctx)))
    .addCommand(templateSetCommand(ctx))
    .addCommand(templateShowCommand(ctx))
    .addCommand(templateRmCommand(ctx));
}

export function templateListRun(opts: TemplateOptions): void {
  const all = opts.templates.names().map((name) => ({ name, ...opts.templates.get(name) }));
  if (opts.json) return printJson(opts.io, { templates: all });
  if (all.length === 0) return note(opts.io, false, 'no templates yet: tokencli template set NAME --prompt ...');
  printTable(opts.io, [
    { key: 'name', title: 'template', human: (t) => t.name, raw: (t) => t.name },
    { key: 'model', title: 'model', human: (t) => t.model ?? '-', raw: (t) => t.model },
    { key: 'prompt', title: 'prompt', human: (t) => (t.prompt ?? '$input').replace(/\s+/g, ' ').slice(0, 60), raw: (t) => t.prompt },
  ], all);
}
