// Bundles the CLI for start-up speed. A command line should load a handful of files, not fifty,
// and load them as CommonJS: Node's ES module loader costs about 0.3 ms per file and its own
// start-up, more than the code in most of them (CommonJS output: --help -5 ms of CPU, budget status
// -9, a one-token run -11). Rollup (not esbuild, which splits code only for ES modules) also knows
// that a lazily loaded chunk runs after its importer: code the entry already holds stays there
// instead of splitting into one chunk per set of importers, and chunks under MIN_CHUNK_BYTES merge
// into others (`budget status` loads 7 files of the bundle where it loaded 42 chunks, a run 5 where
// it loaded 57). Lazy imports stay lazy, as `require` calls made when first needed (the
// server, the schemas, markdown, the tokenizer). The large gpt-tokenizer, undici (loaded only
// behind a proxy), pg (only for a PostgreSQL store) and better-sqlite3's native addon
// (src/sqlite/driver.ts names it) stay external, in node_modules. The root help's list of commands
// is rendered here from the full tree that tsc built (dist/), so a start-up loads only the command
// it runs.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import commonjs from '@rollup/plugin-commonjs';
import json from '@rollup/plugin-json';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import { rollup } from 'rollup';
import { asciiOnlyPlugin } from './ascii-only.mjs';
import { commandIndex } from '../dist/cli/root.js';
import { program } from './reference.mjs';

/** Chunks smaller than this join another one: parsing a few KB too many costs less than a file. */
const MIN_CHUNK_BYTES = 30_000;
const EXTERNAL_PACKAGES = ['gpt-tokenizer', 'undici', 'pg'];
const builtins = new Set(builtinModules);
/** commander's child_process, which the plugin below replaces. */
const commandersChildProcess = (id, importer) => /^(node:)?child_process$/.test(id) && Boolean(importer?.includes('/node_modules/commander/'));
const external = (id, importer) => ((id.startsWith('node:') || builtins.has(id)) && !commandersChildProcess(id, importer)) || EXTERNAL_PACKAGES.some((p) => id === p || id.startsWith(`${p}/`));

// Chunk names carry a hash: chunks of an earlier build would otherwise pile up in the package.
rmSync('dist/bundle', { recursive: true, force: true });

const bundle = await rollup({
  input: 'dist/cli/start.js',
  // The entry may export what the chunks it loads share with it, instead of standing in front of a
  // chunk of its own: one file less at every start.
  preserveEntrySignatures: 'allow-extension',
  external,
  // Node's modules and the external packages are loaded for what they export, never for a side
  // effect. Otherwise Rollup repeats the externals of a chunk's dependencies at its top to keep
  // their order, and a chunk with such a require cannot merge into another: a run loaded 21 files,
  // now 5, and its first token comes 3.6 ms sooner (medians of 21 interleaved runs).
  treeshake: { moduleSideEffects: (id, external) => !external },
  logLevel: 'warn',
  plugins: [
    replace({
      preventAssignment: true,
      values: {
        TOKENCLI_COMMAND_INDEX: JSON.stringify(commandIndex(program())),
        TOKENCLI_VERSION: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version),
      },
    }),
    // commander requires child_process as it loads, only to spawn executable subcommands, which
    // tokencli has none of: it gets a spawn that loads child_process when called (~2 ms less at
    // every start).
    {
      name: 'commander-lazy-child-process',
      resolveId: (id, importer) => (commandersChildProcess(id, importer) ? '\0commander-child-process' : null),
      load: (id) => (id === '\0commander-child-process' ? "import { createRequire } from 'node:module';\nexport const spawn = (...args) => createRequire(import.meta.url)('node:child_process').spawn(...args);\n" : null),
    },
    // better-sqlite3 looks for its addon with the `bindings` package only when it is not given one,
    // and src/sqlite/driver.ts always gives it: bindings and its own dependency stay out of the bundle.
    {
      name: 'better-sqlite3-without-bindings',
      resolveId: (id, importer) => (id === 'bindings' && Boolean(importer?.includes('/node_modules/better-sqlite3/')) ? '\0no-bindings' : null),
      load: (id) => (id === '\0no-bindings' ? "export default () => { throw new Error('better-sqlite3 is given its addon (src/sqlite/driver.ts), never bindings'); };\n" : null),
    },
    // import.meta.url as Node's CommonJS knows it: Rollup's own stand-in takes a browser's path
    // whenever a global `document` exists (a preload may define one).
    { name: 'import-meta-url', resolveImportMeta: (property) => (property === 'url' ? "require('node:url').pathToFileURL(__filename).href" : null) },
    nodeResolve({ preferBuiltins: true, exportConditions: ['node'] }),
    // better-sqlite3 requires its addon by a path known only at run time: that require stays.
    commonjs({ ignoreDynamicRequires: true }),
    json(),
    asciiOnlyPlugin(),
  ],
  onwarn(warning, warn) {
    // Circular imports inside dependencies (zod, commander) are theirs and harmless.
    if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'INVALID_ANNOTATION') return;
    warn(warning);
  },
});
const { output } = await bundle.write({
  dir: 'dist/bundle',
  format: 'cjs',
  // import() of a chunk or an external package becomes a require() when it runs (every external is
  // CommonJS or, as gpt-tokenizer, has a CommonJS build).
  dynamicImportInCjs: false,
  // .cjs is CommonJS by its name, whatever the package's "type".
  entryFileNames: '[name].cjs',
  chunkFileNames: 'chunks/[name]-[hash].cjs',
  experimentalMinChunkSize: MIN_CHUNK_BYTES,
});
await bundle.close();

// Which packages each file holds, for test/e2e/lean-start.e2e.test.ts (outside dist/bundle, so
// not shipped): what a command loads can then be checked by package name.
const packagesOf = (chunk) => [...new Set(Object.keys(chunk.modules).flatMap((id) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id)?.[1] ?? []))].sort();
writeFileSync('dist/bundle-packages.json', JSON.stringify(Object.fromEntries(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, packagesOf(c)])), null, 1));
