/**
 * The seam of a command, as gh tests it: a Context over the IOStreams test double, a real ledger in
 * a temporary home, and a client whose fetch goes straight into the server's app in-process. Tests
 * call a command's xRun with options built from it; no process, no port.
 */
import { createContext, type Context } from '../../src/cli/context.js';
import { testIO, type TestIO } from '../../src/cli/io/streams.js';
import { Ledger } from '../../src/ledger/ledger.js';
import { inProcessServer } from './app.js';
import { tempDir } from './procs.js';

export const SEAM_URL = 'http://127.0.0.1:1';

export interface Seam {
  ctx: Context;
  io: TestIO;
  home: string;
  server: Awaited<ReturnType<typeof inProcessServer>>;
  /** Buys a plan through the app, as a setup step. */
  buy(plan?: string): Promise<void>;
}

export async function seam(o: { tty?: boolean; stdin?: string; now?: string } = {}): Promise<Seam> {
  const server = await inProcessServer(o.now ? { start: o.now } : {});
  const home = tempDir('tokencli-seam-');
  const io = testIO({ tty: o.tty ?? false, ...(o.stdin !== undefined ? { stdin: o.stdin } : {}) });
  const ctx = createContext({
    io: io.io,
    prompter: undefined as never,
    env: { TOKENCLI_HOME: home, TOKENCLI_API_URL: SEAM_URL, TOKENCLI_API_KEY: server.key },
    version: 'seam',
    now: () => new Date(o.now ?? '2026-11-26T10:00:00Z'),
    fetch: server.fetch,
    openLedger: async (file, opts) => Ledger.open(file, opts),
  });
  return {
    ctx,
    io,
    home,
    server,
    buy: async (plan = 'starter') => {
      const res = await server.fetch(`${SEAM_URL}/v1/purchases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.key}`, 'content-type': 'application/json', 'idempotency-key': `seam-${Math.random()}` },
        body: JSON.stringify({ plan_id: plan }),
      });
      if (res.status !== 201) throw new Error(`purchase failed: ${res.status} ${await res.text()}`);
    },
  };
}

/**
 * The options a command's flags produce, captured through its runF: the first half of a seam test.
 * Global flags belong to the root command, so `--json` is set on the context instead.
 */
export async function optionsOf<T>(ctx: Context, make: (runF: (o: T) => Promise<void>) => import('commander').Command, argv: string[]): Promise<T> {
  const { Command } = await import('commander');
  ctx.globals.json = argv.includes('--json');
  let got: T | undefined;
  const root = new Command().exitOverride().addCommand(make(async (o) => void (got = o)).exitOverride());
  await root.parseAsync(argv.filter((a) => a !== '--json'), { from: 'user' });
  if (got === undefined) throw new Error(`${argv.join(' ')} did not reach its run function`);
  return got;
}
