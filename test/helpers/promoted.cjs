// Preloaded with `--require` (see test/e2e/run.e2e.test.ts): records V8's collections (v8.GCProfiler)
// and, when the process exits, writes how many bytes its young collections promoted into the old
// generation to the file named by TOKENCLI_TEST_PROMOTED. What is promoted stays until a full
// collection, so garbage promoted by a stream grows the process with the answer.
'use strict';
const { writeFileSync } = require('node:fs');
const { GCProfiler } = require('node:v8');

const profiler = new GCProfiler();
profiler.start();
process.on('exit', () => {
  const oldSpace = (at) => at.heapSpaceStatistics.find((s) => s.spaceName === 'old_space').spaceUsedSize;
  let promoted = 0;
  for (const gc of profiler.stop().statistics) if (gc.gcType === 'Scavenge') promoted += Math.max(0, oldSpace(gc.afterGC) - oldSpace(gc.beforeGC));
  writeFileSync(process.env.TOKENCLI_TEST_PROMOTED, String(promoted));
});
