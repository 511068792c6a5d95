/**
 * Renders the completion scripts for bash, zsh and fish from the command spec. The same text is
 * committed under completions/ (a test fails when it is stale) and printed by `tokencli completion`.
 */
import type { CommandSpec, FlagSpec, Values } from './spec.js';

const HEADER = '# tokencli shell completion. Generated from the command tree by `npm run completions`: do not edit.';
const q = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
const words = (xs: string[]) => xs.join(' ');
const valuesShell = (v: Values) => (v === undefined ? '' : 'choices' in v ? `echo ${q(words(v.choices))}` : `tokencli __complete ${v.dynamic} 2>/dev/null`);
const valueFlags = (c: CommandSpec) => c.flags.filter((f) => f.takesValue);

/** Shared shell (bash and zsh) case tables: commands, flags, values of flags, values of arguments. */
function caseTables(cmds: CommandSpec[], fn: string): string {
  const lines: string[] = [];
  lines.push(`${fn}_subcommands() {`, '  case "$1" in');
  for (const c of cmds) lines.push(`    ${q(c.path)}) echo ${q(words(c.subcommands))} ;;`);
  lines.push('  esac', '}', '');
  lines.push(`${fn}_flags() {`, '  case "$1" in');
  for (const c of cmds) lines.push(`    ${q(c.path)}) echo ${q(words(c.flags.flatMap((f) => f.names)))} ;;`);
  lines.push('  esac', '}', '');
  lines.push('# Prints the values an option takes and succeeds, or fails when the option takes none.', `${fn}_flag_values() {`, '  case "$1|$2" in');
  for (const c of cmds) {
    for (const f of valueFlags(c)) lines.push(`    ${f.names.map((n) => q(`${c.path}|${n}`)).join('|')}) ${valuesShell(f.values) || 'true'} ;;`);
  }
  lines.push('    *) return 1 ;;', '  esac', '}', '');
  lines.push(`${fn}_arg_values() {`, '  case "$1" in');
  for (const c of cmds) if (c.args) lines.push(`    ${q(c.path)}) ${valuesShell(c.args)} ;;`);
  lines.push('  esac', '}', '');
  // Walks the words typed so far to the deepest known command, skipping flags and their values.
  lines.push(
    `${fn}_path() {`,
    '  local cmdpath="" w skip=0',
    '  for w in "$@"; do',
    '    if [ "$skip" = 1 ]; then skip=0; continue; fi',
    '    case "$w" in',
    `      -*) ${fn}_flag_values "$cmdpath" "$w" >/dev/null && skip=1 ;;`,
    `      *) case " $(${fn}_subcommands "$cmdpath") " in *" $w "*) cmdpath="\${cmdpath:+$cmdpath }$w" ;; esac ;;`,
    '    esac',
    '  done',
    '  printf "%s" "$cmdpath"',
    '}',
  );
  return lines.join('\n');
}

export function bashScript(cmds: CommandSpec[]): string {
  return `${HEADER}
# Install: source <(tokencli completion bash), or copy to /etc/bash_completion.d/tokencli

${caseTables(cmds, '_tokencli')}

_tokencli() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmdpath values
  cmdpath="$(_tokencli_path "\${COMP_WORDS[@]:1:COMP_CWORD-1}")"
  if [ "$COMP_CWORD" -gt 1 ] && values="$(_tokencli_flag_values "$cmdpath" "$prev")"; then
    COMPREPLY=($(compgen -W "$values" -- "$cur"))
  elif [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$(_tokencli_flags "$cmdpath")" -- "$cur"))
  else
    COMPREPLY=($(compgen -W "$(_tokencli_subcommands "$cmdpath") $(_tokencli_arg_values "$cmdpath")" -- "$cur"))
  fi
}
complete -F _tokencli tokencli
`;
}

export function zshScript(cmds: CommandSpec[]): string {
  return `#compdef tokencli
${HEADER}
# Install: put this file on your $fpath as _tokencli, or: source <(tokencli completion zsh)

${caseTables(cmds, '_tokencli')}

_tokencli() {
  local cur="\${words[CURRENT]}" prev="\${words[CURRENT-1]}" cmdpath values
  cmdpath="$(_tokencli_path "\${(@)words[2,CURRENT-1]}")"
  if (( CURRENT > 2 )) && values="$(_tokencli_flag_values "$cmdpath" "$prev")"; then
    compadd -- \${=values}
  elif [[ "$cur" == -* ]]; then
    compadd -- \${=$(_tokencli_flags "$cmdpath")}
  else
    compadd -- \${=$(_tokencli_subcommands "$cmdpath")} \${=$(_tokencli_arg_values "$cmdpath")}
  fi
}
if [[ "\${zsh_eval_context[-1]}" == loadautofunc ]]; then _tokencli "$@"; else compdef _tokencli tokencli; fi
`;
}

export function fishScript(cmds: CommandSpec[]): string {
  const lines = [
    HEADER,
    '# Install: tokencli completion fish > ~/.config/fish/completions/tokencli.fish',
    '',
    '# The command path of the given words: known subcommands only, flags and their values skipped.',
    'function __tokencli_path_of',
    '    set -l path',
    '    set -l skip 0',
    '    for w in $argv',
    '        if test $skip = 1; set skip 0; continue; end',
    '        if string match -q -- "-*" $w',
    '            contains -- (string join " " $path)"|$w" $__tokencli_value_flags; and set skip 1',
    '            continue',
    '        end',
    '        contains -- $w (__tokencli_subcommands (string join " " $path)); and set -a path $w',
    '    end',
    '    string join " " $path',
    'end',
    '',
    'function __tokencli_path',
    '    set -l tokens (commandline -opc)',
    '    __tokencli_path_of $tokens[2..-1]',
    'end',
    '',
    '# Whether the word before the cursor is a flag that takes a value: then only its values fit.',
    'function __tokencli_after_value_flag',
    '    set -l tokens (commandline -opc)',
    '    test (count $tokens) -gt 1; or return 1',
    '    set -l at (__tokencli_path_of $tokens[2..-2])',
    '    contains -- "$at|$tokens[-1]" $__tokencli_value_flags',
    'end',
    '',
    '# Whether the cursor is on the value of one of the flags given, at the command path given.',
    'function __tokencli_value_of',
    '    set -l tokens (commandline -opc)',
    '    test (count $tokens) -gt 1; or return 1',
    '    set -l at (__tokencli_path_of $tokens[2..-2])',
    '    test "$at" = "$argv[1]"; and contains -- $tokens[-1] $argv[2..-1]',
    'end',
    '',
    'function __tokencli_at',
    '    set -l at (__tokencli_path)',
    '    test "$at" = "$argv[1]"',
    'end',
    '',
    'function __tokencli_subcommands',
    '    switch "$argv[1]"',
  ];
  for (const c of cmds) lines.push(`        case ${q(c.path)}`, `            printf '%s\\n' ${c.subcommands.map(q).join(' ')}`);
  lines.push('    end', 'end', '');
  lines.push(`set -g __tokencli_value_flags ${cmds.flatMap((c) => valueFlags(c).flatMap((f) => f.names.map((n) => q(`${c.path}|${n}`)))).join(' ')}`, '');
  lines.push('complete -c tokencli -f');
  const fishValues = (v: Values) => (v === undefined ? '' : 'choices' in v ? ` -a ${q(words(v.choices))}` : ` -a '(tokencli __complete ${v.dynamic} 2>/dev/null)'`);
  for (const c of cmds) {
    const free = `${q(`__tokencli_at ${q(c.path)}; and not __tokencli_after_value_flag`)}`;
    if (c.subcommands.length) lines.push(`complete -c tokencli -n ${free} -a ${q(words(c.subcommands))}`);
    if (c.args) lines.push(`complete -c tokencli -n ${free}${fishValues(c.args)}`);
    for (const f of c.flags) {
      lines.push(`complete -c tokencli -n ${free}${fishFlag(f)}`);
      // The value of a flag is completed by its own rule: fish's -r would also offer files.
      if (f.values) lines.push(`complete -c tokencli -n ${q(`__tokencli_value_of ${q(c.path)} ${f.names.join(' ')}`)}${fishValues(f.values)}`);
    }
  }
  return lines.join('\n') + '\n';
}

function fishFlag(f: FlagSpec): string {
  return f.names.map((n) => (n.startsWith('--') ? ` -l ${n.slice(2)}` : ` -s ${n.slice(1)}`)).join('');
}
