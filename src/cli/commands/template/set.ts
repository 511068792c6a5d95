/** `tokencli template set NAME`: create or replace a template (a YAML file a person may also edit). */
import { Command, Option } from 'commander';
import { TEMPLATE_NAME, type Template } from '../../../config/templates.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { parseParams, positiveInteger, temperature } from '../../flags.js';
import { success } from '../../io/messages.js';
import { printJson } from '../../io/json.js';
import { definedOnly } from '../../run-options.js';
import { templateOptions, type TemplateOptions } from './shared.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export function templateSetCommand(ctx: Context, runF = templateSetRun): Command {
  return new Command('set')
    .description('Create or replace a template (a YAML file you may also edit by hand)')
    .argument('<name>', 'template name')
    .option('--system <text>', 'system prompt')
    .option('--prompt <text>', 'the prompt: $input is what run is given, $name a parameter (-p name=value)')
    .option('-m, --model <id>', 'model (or alias) to use unless run says otherwise')
    .addOption(new Option('--max-tokens <n>', 'default --max-tokens').argParser(positiveInteger('--max-tokens')))
    .addOption(new Option('--temperature <t>', 'default temperature').argParser(temperature))
    .option('-d, --default <name=value>', 'a default value for a parameter (repeatable)', collect, [])
    .addHelpText('after', `\nExample:\n  $ tokencli template set summary --prompt 'Summarise in $words words:\\n\\n$input' -d words=50`)
    .action(async (name: string, f: { system?: string; prompt?: string; model?: string; maxTokens?: number; temperature?: number; default: string[] }) =>
      runF({ ...(await templateOptions(ctx)), name, template: definedOnly({ system: f.system, prompt: f.prompt, model: f.model, max_tokens: f.maxTokens, temperature: f.temperature, defaults: f.default.length ? parseParams(f.default, '--default') : undefined }) }),
    );
}

export function templateSetRun(opts: TemplateOptions & { name: string; template: Template }): void {
  if (!TEMPLATE_NAME.test(opts.name)) throw new UsageError(`"${opts.name}" cannot be a template name`, 'use letters, digits, dot, dash and underscore');
  opts.templates.set(opts.name, opts.template);
  if (opts.json) return printJson(opts.io, { name: opts.name, ...opts.template });
  success(opts.io, opts.quiet, `Saved the template ${opts.name}`);
}
