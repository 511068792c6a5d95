import { Command } from 'commander';
import type { TokenClient } from '../../../client/client.js';
import { formatMultiplier } from '../../../tokens/billing.js';
import type { Context } from '../../context.js';
import type { IOStreams } from '../../io/streams.js';
import { formatTokens } from '../../io/format.js';
import type { ModelCatalog } from '../../model-catalog.js';
import { printJson, printRows } from '../../io/table.js';

export interface ModelsOptions {
  io: IOStreams;
  client: () => Promise<TokenClient>;
  catalog: () => Promise<ModelCatalog>;
  json: boolean;
}

export function modelsCommand(ctx: Context, runF = modelsRun): Command {
  return new Command('models')
    .description('Models with their context length and plan-token multipliers')
    .addHelpText('after', '\nExamples:\n  $ tokencli models\n  $ tokencli models --json | jq -r \'.data[].id\'')
    .action(() => runF({ io: ctx.io, client: () => ctx.client(), catalog: ctx.catalog, json: ctx.globals.json }));
}

export async function modelsRun(opts: ModelsOptions): Promise<void> {
  const stop = opts.io.spinner('Fetching models').stop;
  const models = await (await opts.client()).models.list().finally(stop);
  (await opts.catalog()).remember(models.data);
  if (opts.json) return printJson(opts.io, models);
  const tty = opts.io.isStdoutTTY;
  printRows(
    opts.io,
    ['id', 'context', 'input', 'output', 'owned by'],
    models.data.map((m) => [
      m.id,
      m.context_length === undefined ? '-' : tty ? formatTokens(m.context_length) : String(m.context_length),
      m.billing ? (tty ? formatMultiplier(m.billing.input_multiplier_milli) : String(m.billing.input_multiplier_milli)) : '-',
      m.billing ? (tty ? formatMultiplier(m.billing.output_multiplier_milli) : String(m.billing.output_multiplier_milli)) : '-',
      m.owned_by,
    ]),
  );
}
