/**
 * `tokencli quota`: how much is left, and when does it reset. Every window of the subscription
 * with used / limit, the reset as a countdown and a local clock time, the pace and when it would run
 * out; `--line` for a shell prompt or tmux status line; `--json` for scripts.
 */
import { Command } from 'commander';
import type { TokenClient } from '../../../client/client.js';
import { Quota as QuotaApi } from '../../../client/resources/quota.js';
import type { Quota } from '../../../shared/quota.js';
import type { Context } from '../../context.js';
import { CliError, Exit } from '../../errors.js';
import type { IOStreams } from '../../io/streams.js';
import { printJson } from '../../io/table.js';
import { paceOf } from './pace.js';
import { printLine, printQuota } from './render.js';

export interface QuotaOptions {
  io: IOStreams;
  client: () => Promise<TokenClient>;
  /** The profile's provider kind: only a Token Plan server reports windows (coding-plan providers are issue 15 item 8). */
  provider: string;
  line: boolean;
  json: boolean;
  now: () => Date;
  /** The zone reset times are shown in: the profile's, else this machine's. */
  timeZone: () => Promise<string>;
}

export function quotaCommand(ctx: Context, runF = quotaRun): Command {
  return new Command('quota')
    .description('Show how much of each quota window is left, and when each resets')
    .option('--line', 'one short line for a shell prompt or tmux status line', false)
    .addHelpText(
      'after',
      '\nExamples:\n  $ tokencli quota\n  $ tokencli quota --line            # 5h 12% 3h05m · wk 40% 2d11h · mo 8% 24d02h\n  $ tokencli quota --json | jq \'.windows[] | {window, remaining, resets_at}\'',
    )
    .action(async (flags: { line: boolean }) =>
      runF({ io: ctx.io, client: () => ctx.client(), provider: await ctx.providerKind(), line: flags.line, json: ctx.globals.json, now: ctx.now, timeZone: () => ctx.timeZone() }),
    );
}

export async function quotaRun(opts: QuotaOptions): Promise<void> {
  if (opts.provider !== 'tokenplan') {
    throw new CliError(`quota windows are reported by Token Plan servers; this profile's provider is ${opts.provider}`, Exit.ERROR, 'use `tokencli balance` for its balance');
  }
  const stop = opts.line ? () => {} : opts.io.spinner('Fetching quota').stop;
  const quota: Quota = await new QuotaApi(await opts.client()).get().finally(stop);
  const now = opts.now();
  if (opts.json) return printJson(opts.io, { ...quota, windows: quota.windows.map((w) => ({ ...w, ...paceOf(w, now) })) });
  if (opts.line) return printLine(opts.io, quota, now);
  printQuota(opts.io, quota, now, await opts.timeZone());
}
