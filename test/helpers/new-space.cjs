// Preloaded with `--require` (see test/e2e/run.e2e.test.ts): when the process exits, writes the size
// of V8's young generation (new_space, in bytes) to the file named by TOKENCLI_TEST_NEW_SPACE.
'use strict';
const { writeFileSync } = require('node:fs');
const { getHeapSpaceStatistics } = require('node:v8');

process.on('exit', () => {
  const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  writeFileSync(process.env.TOKENCLI_TEST_NEW_SPACE, String(space.space_size));
});
