/**
 * The bundle's entry (bin/tokencli.js): from here on the CLI's chunks compile through V8's code
 * cache (code-cache.ts), then main.ts runs the command line. It imports only what choosing the
 * cache needs, since the entry itself is compiled without one.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolvePaths } from '../config/paths.js';
import { useCodeCache } from './code-cache.js';
import { COMMAND_INDEX, commandWord, indexedCommand } from './command-line.js';
import { underDefaultFlags } from './young-generation.js';

export async function start(argv: string[]): Promise<void> {
  const env = process.env;
  const command = cacheName(argv);
  if (command && codeCacheWanted(env)) {
    const cache = useCodeCache({
      chunksDir: join(dirname(fileURLToPath(import.meta.url)), 'chunks'),
      cacheDir: join(resolvePaths(env).cacheDir, 'code', v8Name(env), command),
      underDefaultFlags,
    });
    // A cache keeps what the start that wrote it compiled: a command's --help, or a command line it
    // refused (exit 2), compiles little of what the command needs.
    const little = command !== 'tokencli' && argv.some((a) => a === '--help' || a === '-h');
    process.once('exit', (code) => {
      if (!little && code !== 2) cache.save();
    });
  }
  await (await import('./main.js')).main(argv);
}

/**
 * The cache a command line uses: its command's (`budget set` and `budget status` share one), the
 * root's for none (`--help`, `--version`), and none for a word that names no command, so a typo
 * leaves nothing behind. None outside the bundle, which has no chunks.
 */
function cacheName(argv: string[]): string | undefined {
  if (!COMMAND_INDEX) return undefined;
  const word = commandWord(argv.slice(2));
  return word === undefined ? 'tokencli' : indexedCommand(word)?.name;
}

/** Node's flags for this process, as given: any of them may be one of V8's. */
const nodeFlags = (env: NodeJS.ProcessEnv) => [...process.execArgv, env.NODE_OPTIONS ?? ''].join(' ').trim();

/**
 * Not when turned off; nor under a policy manifest (Node 20 checks a module's integrity in the
 * compile step the cache replaces), nor while V8 collects coverage (the cache's wrapper would shift
 * every offset).
 */
function codeCacheWanted(env: NodeJS.ProcessEnv): boolean {
  return !env.TOKENCLI_NO_CODE_CACHE && !env.NODE_V8_COVERAGE && !/--(experimental-policy|policy-integrity)\b/.test(nodeFlags(env));
}

/**
 * The directory for this V8 and these flags: V8 refuses code cached under other flags, so a process
 * started with other ones keeps its own caches rather than rewriting the usual ones at every start.
 */
function v8Name(env: NodeJS.ProcessEnv): string {
  const flags = nodeFlags(env);
  return `v8-${process.versions.v8}-${process.arch}${flags ? `-${fnv1a(flags)}` : ''}`;
}

/** A short name for a string (32-bit FNV-1a): which flags, not a secret. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}
