/**
 * `tokencli template`: prompt templates kept as YAML files (list, set, show, rm); `run -t NAME`
 * uses one, filling `$input` with the prompt and `$name` from `-p name=value`.
 */
import { Command, Option } from 'commander';
import { TEMPLATE_NAME, type Template, type TemplateStore } from '../../../config/templates.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { parseParams, positiveInteger, temperature } from '../../flags.js';
import { note, success } from '../../io/messages.js';
import type { IOStreams } from '../../io/streams.js';
import { printJson, printTable } from '../../io/table.js';

export interface TemplateOptions {
  io: IOStreams;
  templates: TemplateStore;
  json: boolean;
  quiet: boolean;
}

const options = (ctx: Context): TemplateOptions => ({ io: ctx.io, templates: ctx.templates(), json: ctx.globals.json, quiet: ctx.globals.quiet });
const collect = (value: string, previous: string[]) => [...previous, value];

export function templateCommand(ctx: Context, runF = templateListRun): Command {
  return new Command('template')
    .description('Prompt templates: a system prompt, a prompt with $input and $name parameters, a model and its settings')
    .addHelpText('after', `\nExamples:\n  $ tokencli template set review --system "You review code tersely" --prompt 'Review this $lang:\\n\\n$input' --model demo-pro\n  $ git diff | tokencli run -t review -p lang=TypeScript`)
    .action(() => runF(options(ctx)))
    .addCommand(
      new Command('set')
        .description('Create or replace a template (a YAML file you may also edit by hand)')
        .argument('<name>', 'template name')
        .option('--system <text>', 'system prompt')
        .option('--prompt <text>', 'the prompt: $input is what run is given, $name a parameter (-p name=value)')
        .option('-m, --model <id>', 'model (or alias) to use unless run says otherwise')
        .addOption(new Option('--max-tokens <n>', 'default --max-tokens').argParser(positiveInteger('--max-tokens')))
        .addOption(new Option('--temperature <t>', 'default temperature').argParser(temperature))
        .option('-d, --default <name=value>', 'a default value for a parameter (repeatable)', collect, [])
        .addHelpText('after', `\nExample:\n  $ tokencli template set summary --prompt 'Summarise in $words words:\\n\\n$input' -d words=50`)
        .action((name: string, f: { system?: string; prompt?: string; model?: string; maxTokens?: number; temperature?: number; default: string[] }) =>
          templateSetRun({ ...options(ctx), name, template: definedOnly({ system: f.system, prompt: f.prompt, model: f.model, max_tokens: f.maxTokens, temperature: f.temperature, defaults: f.default.length ? parseParams(f.default, '--default') : undefined }) }),
        ),
    )
    .addCommand(new Command('show').description('Print a template').argument('<name>', 'template name').addHelpText('after', '\nExample:\n  $ tokencli template show review').action((name: string) => templateShowRun({ ...options(ctx), name })))
    .addCommand(new Command('rm').description('Remove a template').argument('<name>', 'template name').addHelpText('after', '\nExample:\n  $ tokencli template rm review').action((name: string) => templateRmRun({ ...options(ctx), name })));
}

function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
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

export function templateSetRun(opts: TemplateOptions & { name: string; template: Template }): void {
  if (!TEMPLATE_NAME.test(opts.name)) throw new UsageError(`"${opts.name}" cannot be a template name`, 'use letters, digits, dot, dash and underscore');
  opts.templates.set(opts.name, opts.template);
  if (opts.json) return printJson(opts.io, { name: opts.name, ...opts.template });
  success(opts.io, opts.quiet, `Saved the template ${opts.name}`);
}

export function templateShowRun(opts: TemplateOptions & { name: string }): void {
  const t = opts.templates.get(opts.name);
  if (!t) throw new UsageError(`no template "${opts.name}"`, 'see `tokencli template`');
  if (opts.json) return printJson(opts.io, { name: opts.name, ...t });
  opts.io.out(Object.entries(t).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join('\n') + '\n');
}

export function templateRmRun(opts: TemplateOptions & { name: string }): void {
  if (!opts.templates.remove(opts.name)) throw new UsageError(`no template "${opts.name}"`, 'see `tokencli template`');
  if (opts.json) return printJson(opts.io, { removed: opts.name });
  success(opts.io, opts.quiet, `Removed the template ${opts.name}`);
}
