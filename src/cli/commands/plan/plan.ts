/** `tokencli plan`: the group of plan verbs (purchase a pack; subscribe to a tier, upgrade it, cancel it, turn its renewal on or off). */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { purchaseCommand } from './purchase/purchase.js';
import { subscribeCommand } from './subscribe/subscribe.js';
import { cancelCommand } from './cancel/cancel.js';
import { renewCommand } from './renew/renew.js';
import { upgradeCommand } from './upgrade/upgrade.js';

export function planCommand(ctx: Context): Command {
  return new Command('plan').description('Buy packs and manage a subscription')
    .addCommand(purchaseCommand(ctx))
    .addCommand(subscribeCommand(ctx))
    .addCommand(upgradeCommand(ctx))
    .addCommand(cancelCommand(ctx))
    .addCommand(renewCommand(ctx));
}
