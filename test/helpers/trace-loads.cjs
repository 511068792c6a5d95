// Preloaded with `--require` (see test/e2e/lean-start.e2e.test.ts): when the process exits, writes
// the file URL of every module it loaded (the bundle is CommonJS), one a line, to the file named by
// TOKENCLI_TEST_LOADS.
'use strict';
const { writeFileSync } = require('node:fs');
const { pathToFileURL } = require('node:url');

process.on('exit', () => {
  const urls = Object.keys(require.cache).map((path) => pathToFileURL(path).href);
  writeFileSync(process.env.TOKENCLI_TEST_LOADS, urls.join('\n') + '\n');
});
