/** `tokencli serve keys create`: mint an API key for an account of a server's data directory; the key alone on stdout. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import type { IOStreams } from '../../io/streams.js';
import { databaseTarget } from './database.js';

export interface KeysCreateOptions {
  io: IOStreams;
  account: string;
  dataDir: string;
  /** A postgres:// URL: the server's database is there, not in dataDir. */
  database?: string;
  /** The account's phone number as typed: it receives the codes of phone-bill payments. */
  phone?: string;
}

export function keysCommand(ctx: Context, runF = keysCreateRun): Command {
  const keys = new Command('keys').description('Manage API keys of the reference server');
  keys
    .command('create')
    .description('Mint an API key for an account (created, with no packs, if new); prints the key alone on stdout')
    .requiredOption('--account <name>', 'account name')
    .option('--data-dir <dir>', 'the server\'s data directory (default: the platform data directory)')
    .option('--database <url>', 'the server\'s PostgreSQL database instead (default: $TOKENCLI_DATABASE_URL)')
    .option('--phone <number>', 'give the account this phone number (for phone-bill payments): +86 13800000000, or 11 digits for mainland China')
    .addHelpText('after', '\nExamples:\n  $ export TOKENCLI_API_KEY=$(tokencli serve keys create --account ci --data-dir ./tp-data)\n  $ tokencli serve keys create --account alice --phone 13800000000\n  $ tokencli serve keys create --account ci --database postgres://tokenplan@db.internal/tokenplan')
    .action((_flags, cmd: Command) => {
      // `serve` declares --data-dir and --database too and commander hands the values to it, so read both levels.
      const flags = cmd.optsWithGlobals<{ account: string; dataDir?: string; database?: string; phone?: string }>();
      const database = flags.database ?? ctx.env.TOKENCLI_DATABASE_URL;
      return runF({
        io: ctx.io,
        account: flags.account,
        dataDir: flags.dataDir ?? ctx.paths.serverDataDir,
        ...(database ? { database } : {}),
        ...(flags.phone !== undefined ? { phone: flags.phone } : {}),
      });
    });
  return keys;
}

export async function keysCreateRun(opts: KeysCreateOptions): Promise<void> {
  let phone: string | undefined;
  if (opts.phone !== undefined) {
    const { normalisePhone } = await import('../../../server/phone.js');
    phone = normalisePhone(opts.phone);
    if (!phone) throw new UsageError(`--phone "${opts.phone}" is not a phone number`, 'give it with its country code (+44 7700 900123), or as 11 digits for mainland China');
  }
  const { createKey, PhoneAlreadySetError } = await import('../../../server/build.js');
  const { isUniqueViolation } = await import('../../../server/store/sql.js');
  try {
    opts.io.out(`${await createKey(databaseTarget(opts), opts.account, undefined, phone)}\n`);
  } catch (e) {
    if (isUniqueViolation(e)) throw new UsageError(`${opts.phone} already belongs to another account`);
    if (e instanceof PhoneAlreadySetError) throw new UsageError(`${e.message}: serve keys create does not replace it`, 'leave out --phone to mint a key for it');
    throw e;
  }
}
