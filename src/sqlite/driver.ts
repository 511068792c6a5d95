/**
 * better-sqlite3, loaded the quick way (~7 ms of every start-up that opens the ledger): its
 * JavaScript is bundled with ours (fourteen small files loaded one by one cost ~3 ms), and its
 * native addon is named directly instead of found by the `bindings` package, which probes a dozen
 * paths and walks a stack trace to do it (and could not find it from inside a bundle).
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Where an install puts the addon: prebuilt or built from source (Debug when built for debugging). */
const addon = (() => {
  const root = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
  const built = ['Release', 'Debug'].map((kind) => join(root, 'build', kind, 'better_sqlite3.node')).find((path) => existsSync(path));
  if (!built) throw new Error(`better-sqlite3's native addon is missing from ${join(root, 'build')} (installed with scripts off?): run \`npm rebuild better-sqlite3\` in ${dirname(dirname(root))}, or reinstall tokencli`);
  return built;
})();

export function sqliteDatabase(filename: string | Buffer, options: Database.Options = {}): Database.Database {
  return new Database(filename, { nativeBinding: addon, ...options });
}
