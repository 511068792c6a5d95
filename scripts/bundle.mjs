// Bundles the CLI for start-up speed: resolving and loading ~150 small ES modules costs more than
// the code itself. Code splitting keeps lazy imports lazy (the server, the client, the tokenizer).
// Native better-sqlite3, the large gpt-tokenizer, and undici (CommonJS, loaded only when a proxy is
// configured) and pg (CommonJS, loaded only for a PostgreSQL store) stay external, loaded from node_modules.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3', 'gpt-tokenizer', 'undici', 'pg'],
  // CommonJS dependencies call require(); give the ES module bundle one.
  banner: { js: "import { createRequire as __tokencliRequire } from 'node:module'; const require = __tokencliRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
});
