/**
 * The bundle's entry (bin/tokencli.js): from here on the CLI's chunks compile through V8's code
 * cache (code-cache.ts), then main.ts runs the command line. Kept to what choosing the cache needs,
 * since this file itself is compiled without one.
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
  if (command && !env.TOKENCLI_NO_CODE_CACHE) {
    const cache = useCodeCache({
      chunksDir: join(dirname(fileURLToPath(import.meta.url)), 'chunks'),
      cacheDir: join(resolvePaths(env).cacheDir, 'code', `v8-${process.versions.v8}-${process.arch}`, command),
      underDefaultFlags,
    });
    process.once('exit', () => cache.save());
  }
  await (await import('./main.js')).main(argv);
}

/**
 * The cache a command line uses: its command's (`budget set` and `budget status` share one), the
 * root's for none (`--help`, `--version`), and none for a word that names no command, so a typo
 * leaves nothing behind. None outside the bundle, which has no chunks.
 */
export function cacheName(argv: string[]): string | undefined {
  if (!COMMAND_INDEX) return undefined;
  if (commandWord(argv.slice(2)) === undefined) return 'tokencli';
  return indexedCommand(argv)?.name;
}
