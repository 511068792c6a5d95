/** `--json`: one document on stdout. Apart from table.ts so that commands printing only JSON do not load cli-table3. */
import type { IOStreams } from './streams.js';

export function printJson(io: IOStreams, value: unknown): void {
  io.out(JSON.stringify(value, null, 2) + '\n');
}
