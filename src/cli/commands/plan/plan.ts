/** `tokencli plan`: the group of plan verbs (purchase). */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { purchaseCommand } from './purchase/purchase.js';

export function planCommand(ctx: Context): Command {
  return new Command('plan').description('Buy plans').addCommand(purchaseCommand(ctx));
}
