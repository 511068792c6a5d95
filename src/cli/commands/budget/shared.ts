/** What every budget verb needs (the profile, its ledger, its time zone), built once from the context. */
import { Option } from 'commander';
import type { Ledger } from '../../../ledger/ledger.js';
import { PERIODS } from '../../../ledger/periods.js';
import type { Context } from '../../context.js';
import type { IOStreams } from '../../io/streams.js';

export interface BudgetCommon {
  io: IOStreams;
  ledger: () => Promise<Ledger>;
  readLedger: () => Promise<Ledger>;
  profile: string;
  timeZone: string;
  json: boolean;
  quiet: boolean;
  now: () => Date;
  /** The server and account whose last quota windows the window alerts are shown against. */
  apiUrl: () => Promise<string>;
  account: () => Promise<string>;
}

export async function budgetCommon(ctx: Context): Promise<BudgetCommon> {
  return {
    io: ctx.io,
    ledger: ctx.ledger,
    readLedger: ctx.readLedger,
    profile: await ctx.profileName(),
    timeZone: await ctx.timeZone(),
    json: ctx.globals.json,
    quiet: ctx.globals.quiet,
    now: ctx.now,
    apiUrl: () => ctx.apiUrl(),
    account: ctx.account,
  };
}

export const periodOption = () => new Option('--period <period>', 'budget period, in the local time zone (or `config set tz`)').choices(PERIODS).makeOptionMandatory();
