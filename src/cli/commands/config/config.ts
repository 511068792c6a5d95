/** `tokencli config`: read and change the settings of the profile; one file per verb. */
import { Command } from 'commander';
import { CONFIG_KEYS } from '../../../config/settings.js';
import type { Context } from '../../context.js';
import { configGetCommand } from './get.js';
import { configListCommand } from './list.js';
import { configSetCommand } from './set.js';
import { configUnsetCommand } from './unset.js';
import { KEYS } from './shared.js';

export function configCommand(ctx: Context): Command {
  const keyHelp = KEYS.map((k) => `  ${k.padEnd(10)} ${CONFIG_KEYS[k].describe}`).join('\n');
  return new Command('config')
    .description('Read and change settings of the profile')
    .addHelpText('after', `\nKeys:\n${keyHelp}`)
    .addCommand(configGetCommand(ctx))
    .addCommand(configSetCommand(ctx))
    .addCommand(configUnsetCommand(ctx))
    .addCommand(configListCommand(ctx));
}
