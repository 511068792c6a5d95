/**
 * `tokencli auth keys list|revoke`: the account's API keys on a Token Plan server, such as the ones
 * `login --web` issued to each device, and revoking one (a lost laptop) without touching the others.
 */
import { Command } from 'commander';
import type { TokenClient } from '../../../client/client.js';
import type { ApiKey } from '../../../shared/wire.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { when } from '../../io/format.js';
import { note, success, warn } from '../../io/messages.js';
import type { IOStreams } from '../../io/streams.js';
import { printTable } from '../../io/table.js';
import { printJson } from '../../io/json.js';

export interface AuthKeysOptions {
  io: IOStreams;
  client: () => Promise<TokenClient>;
  /** The key this profile uses, to mark it in the list and warn before it is revoked. */
  currentKey?: string;
  now: () => Date;
  json: boolean;
  quiet: boolean;
}

const KEY_ID = /^[0-9A-Za-z]{8}$/;
const idOf = (key: string | undefined) => key?.slice(3, 11);

export function authKeysCommand(ctx: Context, listF = authKeysListRun, revokeF = authKeysRevokeRun): Command {
  const options = async (): Promise<AuthKeysOptions> => {
    const key = (await ctx.apiKey())?.key;
    return { io: ctx.io, client: () => ctx.client({ requireKey: true }), ...(key ? { currentKey: key } : {}), now: ctx.now, json: ctx.globals.json, quiet: ctx.globals.quiet };
  };
  const keys = new Command('keys').description('List or revoke the API keys of your account (a Token Plan server\'s)');
  keys
    .command('list')
    .description('List the account\'s API keys: id, the device they were issued to, created, revoked')
    .addHelpText('after', '\nExamples:\n  $ tokencli auth keys list\n  $ tokencli auth keys list --json | jq -r \'.[] | select(.revoked_at == null) | .id\'')
    .action(async () => listF(await options()));
  keys
    .command('revoke')
    .description('Revoke one of the account\'s API keys by its id (the 8 characters after tp_)')
    .argument('<id>', 'the key\'s id, as `auth keys list` shows it')
    .addHelpText('after', '\nExample:\n  $ tokencli auth keys revoke Ab3dEf9h')
    .action(async (id: string) => revokeF({ ...(await options()), id }));
  return keys;
}

export async function authKeysListRun(opts: AuthKeysOptions): Promise<void> {
  const keys = await (await opts.client()).keys.list();
  if (opts.json) return printJson(opts.io, keys);
  const current = idOf(opts.currentKey);
  const tty = opts.io.isStdoutTTY;
  const now = opts.now();
  printTable<ApiKey>(
    opts.io,
    [
      { key: 'id', title: 'id', human: (k) => `${k.id}${k.id === current ? ' (this one)' : ''}`, raw: (k) => k.id },
      { key: 'name', title: 'device', human: (k) => k.name ?? '-', raw: (k) => k.name },
      { key: 'created_at', title: 'created', human: (k) => when(k.created_at, tty, now), raw: (k) => k.created_at, drop: 1 },
      { key: 'revoked_at', title: 'revoked', human: (k) => (k.revoked_at ? when(k.revoked_at, tty, now) : '-'), raw: (k) => k.revoked_at },
    ],
    keys,
  );
}

export async function authKeysRevokeRun(opts: AuthKeysOptions & { id: string }): Promise<void> {
  const id = opts.id.startsWith('tp_') ? opts.id.slice(3, 11) : opts.id;
  if (!KEY_ID.test(id)) throw new UsageError(`"${opts.id}" is not a key id`, 'pass the 8 characters after tp_, as `tokencli auth keys list` shows them');
  const client = await opts.client();
  // The server answers a second revocation as it did the first: asked first, a repeat is told as one.
  const before = (await client.keys.list()).find((k) => k.id === id);
  const revoked = before?.revoked_at ? before : await client.keys.revoke(id);
  if (opts.json) printJson(opts.io, revoked);
  const named = `key ${revoked.prefix}…${revoked.name ? ` (${revoked.name})` : ''}`;
  if (before?.revoked_at) note(opts.io, opts.quiet, `${named} was revoked already, ${when(before.revoked_at, true, opts.now())}: nothing to do`);
  else success(opts.io, opts.quiet, `Revoked ${named}`);
  if (id === idOf(opts.currentKey)) warn(opts.io, 'that was the key this profile uses: run `tokencli login` to sign in again');
}
