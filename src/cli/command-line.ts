/**
 * What a command line names, read before commander is loaded: the bundled start-up picks the code
 * cache (start.ts) and the one command to load (root.ts) from it.
 */

/** A top-level command as the root help lists it. */
export interface IndexEntry {
  name: string;
  aliases: string[];
  /** Help's subcommand term: name, `[options]`, arguments. */
  term: string;
  description: string;
  hidden: boolean;
}

/** Put in place by scripts/bundle.mjs (rollup's replace); absent when running from dist/ or src/. */
declare const TOKENCLI_COMMAND_INDEX: IndexEntry[] | undefined;

/** The full tree's top-level commands, rendered at build time; undefined outside the bundle. */
export const COMMAND_INDEX: IndexEntry[] | undefined = typeof TOKENCLI_COMMAND_INDEX === 'undefined' ? undefined : TOKENCLI_COMMAND_INDEX;

/** Root flags that take a value, so that the value is not taken for the command's name. */
const VALUE_FLAGS = new Set(['--profile', '--api-url', '--timeout']);

/** The first operand of the command line (the command's name), if any. */
export function commandWord(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return undefined;
    if (VALUE_FLAGS.has(a)) i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

/** The index's entry for a command word (a name or an alias), if it names a command. */
export function indexedCommand(word: string | undefined): IndexEntry | undefined {
  return word === undefined ? undefined : COMMAND_INDEX?.find((e) => e.name === word || e.aliases.includes(word));
}
