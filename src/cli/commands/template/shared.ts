/** What the template verbs share, built once from the context. */
import type { TemplateStore } from '../../../config/templates.js';
import type { Context } from '../../context.js';
import type { IOStreams } from '../../io/streams.js';

export interface TemplateOptions {
  io: IOStreams;
  templates: TemplateStore;
  json: boolean;
  quiet: boolean;
}

export const templateOptions = async (ctx: Context): Promise<TemplateOptions> => ({ io: ctx.io, templates: await ctx.templates(), json: ctx.globals.json, quiet: ctx.globals.quiet });
