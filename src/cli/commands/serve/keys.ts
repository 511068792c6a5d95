/** `tokencli serve keys create`: mint an API key for an account of a server's data directory; the key alone on stdout. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import type { IOStreams } from '../../io/streams.js';

export interface KeysCreateOptions {
  io: IOStreams;
  account: string;
  dataDir: string;
}

export function keysCommand(ctx: Context, runF = keysCreateRun): Command {
  const keys = new Command('keys').description('Manage API keys of the reference server');
  keys
    .command('create')
    .description('Mint an API key for an account (created, with no packs, if new); prints the key alone on stdout')
    .requiredOption('--account <name>', 'account name')
    .option('--data-dir <dir>', 'the server\'s data directory (default: the platform data directory)')
    .addHelpText('after', '\nExample:\n  $ export TOKENCLI_API_KEY=$(tokencli serve keys create --account ci --data-dir ./tp-data)')
    .action((_flags, cmd: Command) => {
      // `serve` declares --data-dir too and commander hands the value to it, so read both levels.
      const flags = cmd.optsWithGlobals<{ account: string; dataDir?: string }>();
      return runF({ io: ctx.io, account: flags.account, dataDir: flags.dataDir ?? ctx.paths.serverDataDir });
    });
  return keys;
}

export async function keysCreateRun(opts: KeysCreateOptions): Promise<void> {
  const { createKey } = await import('../../../server/build.js');
  opts.io.out(`${createKey(opts.dataDir, opts.account)}\n`);
}
