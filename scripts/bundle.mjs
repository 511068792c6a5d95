// Bundles the CLI for start-up speed: resolving and loading ~150 small ES modules costs more than
// the code itself. Code splitting keeps lazy imports lazy (the server, the client, the tokenizer).
// Native better-sqlite3, the large gpt-tokenizer, and undici (CommonJS, loaded only when a proxy is
// configured) and pg (CommonJS, loaded only for a PostgreSQL store) stay external, loaded from
// node_modules. The root help's list of commands is rendered here from the full tree that tsc built
// (dist/), so a start-up loads only the command it runs.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { commandIndex } from '../dist/cli/root.js';
import { program } from './reference.mjs';

// Chunk names carry a hash: chunks of an earlier build would otherwise pile up in the package.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: ['src/cli/main.ts'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3', 'gpt-tokenizer', 'undici', 'pg'],
  define: { TOKENCLI_COMMAND_INDEX: JSON.stringify(commandIndex(program())) },
  // CommonJS dependencies call require(); give the ES module bundle one.
  banner: { js: "import { createRequire as __tokencliRequire } from 'node:module'; const require = __tokencliRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  // .mjs is ES module by its name: Node looks up no package.json scope for each chunk (-4% of the
  // instructions of `budget status`, which loads 40 chunks).
  outExtension: { '.js': '.mjs' },
  legalComments: 'none',
  logLevel: 'warning',
});
