/** What the alias verbs share, built once from the context. */
import type { AliasStore } from '../../../config/aliases.js';
import type { Context } from '../../context.js';
import type { IOStreams } from '../../io/streams.js';

export interface AliasOptions {
  io: IOStreams;
  aliases: AliasStore;
  json: boolean;
  quiet: boolean;
}

export const aliasOptions = (ctx: Context): AliasOptions => ({ io: ctx.io, aliases: ctx.aliases(), json: ctx.globals.json, quiet: ctx.globals.quiet });

