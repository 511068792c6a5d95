// Preloaded with `--require` (see test/e2e/lean-start.e2e.test.ts): when the process exits, writes
// the file URL of every module it loaded (the bundle is CommonJS), one a line, to the file named by
// TOKENCLI_TEST_LOADS, then `node:NAME` for each of Node's own modules it loaded.
'use strict';
const { writeFileSync } = require('node:fs');
const { pathToFileURL } = require('node:url');

process.on('exit', () => {
  const urls = Object.keys(require.cache).map((path) => pathToFileURL(path).href);
  const builtins = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => `node:${m.slice('NativeModule '.length)}`);
  writeFileSync(process.env.TOKENCLI_TEST_LOADS, [...urls, ...builtins].join('\n') + '\n');
});
