// One of many processes sharing a ledger: makes N runs in-process through the real CLI program
// (the built one), then prints what it wrote to stderr as JSON, so a test can count the alerts.
import { createContext } from '../../dist/cli/context.js';
import { createProgram } from '../../dist/cli/program.js';
import { testIO } from '../../dist/cli/io/streams.js';
import { Ledger } from '../../dist/ledger/ledger.js';

const runs = Number(process.argv[2]);
const stderr = [];
for (let i = 0; i < runs; i++) {
  const t = testIO();
  const ctx = createContext({ io: t.io, prompter: undefined, env: process.env, version: 'test', openLedger: async (file) => Ledger.open(file) });
  await createProgram(ctx).parseAsync(['node', 'tokencli', 'run', '-m', 'demo-mini', 'hi']);
  (await ctx.ledger()).close();
  stderr.push(t.stderr());
}
console.log(JSON.stringify(stderr));
