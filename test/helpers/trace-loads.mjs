// Preloaded with `--import` (see test/e2e/lean-start.e2e.test.ts): appends the URL of every ES
// module the process loads, one a line, to the file named by TOKENCLI_TEST_LOADS.
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
let file;
export function initialize(data) { file = data.file; }
export async function load(url, context, next) { appendFileSync(file, url + '\\n'); return next(url, context); }
`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { file: process.env.TOKENCLI_TEST_LOADS } });
