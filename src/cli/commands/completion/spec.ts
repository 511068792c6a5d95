/**
 * What shells need to complete tokencli, read from the commander tree: for each command path, its
 * subcommands, its flags (and whether they take a value, with fixed choices or a dynamic kind), and
 * what its arguments complete to. Dynamic kinds are answered by `tokencli __complete KIND` from
 * local files only: never a network call while the user presses Tab.
 */
import type { Command, Option } from 'commander';

export type DynamicKind = 'profiles' | 'plans' | 'models' | 'templates' | 'aliases';
export type Values = { choices: string[] } | { dynamic: DynamicKind } | undefined;

export interface FlagSpec {
  names: string[];
  takesValue: boolean;
  values: Values;
}

export interface CommandSpec {
  path: string;
  subcommands: string[];
  flags: FlagSpec[];
  args: Values;
}

const DYNAMIC_OPTIONS: Record<string, DynamicKind> = { '--profile': 'profiles', '--model': 'models', '--template': 'templates' };
const DYNAMIC_ARGS: Record<string, DynamicKind> = {
  'plan purchase': 'plans',
  'profiles use': 'profiles',
  'profiles rm': 'profiles',
  'profiles rename': 'profiles',
  'auth switch': 'profiles',
  'template show': 'templates',
  'template rm': 'templates',
  'alias rm': 'aliases',
};

function flagSpec(o: Option): FlagSpec {
  const names = [o.short, o.long].filter((n): n is string => Boolean(n));
  const takesValue = o.required || o.optional;
  const values: Values = o.argChoices ? { choices: o.argChoices } : o.long && DYNAMIC_OPTIONS[o.long] ? { dynamic: DYNAMIC_OPTIONS[o.long]! } : undefined;
  return { names, takesValue, values };
}

export function completionSpec(root: Command): CommandSpec[] {
  const globals = root.options.map(flagSpec);
  const specs: CommandSpec[] = [];
  const visit = (cmd: Command, path: string[]) => {
    const key = path.join(' ');
    const visible = cmd.commands.filter((c) => !(c as Command & { _hidden?: boolean })._hidden);
    const argChoices = cmd.registeredArguments[0]?.argChoices;
    specs.push({
      path: key,
      subcommands: visible.map((c) => c.name()),
      flags: [...(path.length ? cmd.options.map(flagSpec) : []), ...globals, { names: ['-h', '--help'], takesValue: false, values: undefined }],
      args: argChoices ? { choices: argChoices } : DYNAMIC_ARGS[key] ? { dynamic: DYNAMIC_ARGS[key]! } : undefined,
    });
    for (const c of visible) visit(c, [...path, c.name()]);
  };
  visit(root, []);
  return specs;
}
