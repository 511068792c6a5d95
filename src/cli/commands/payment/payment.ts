/** `tokencli payment`: phone-bill payments after they are prepared (show, confirm with the SMS code, cancel); one file per verb. */
import { Command } from 'commander';
import type { Context } from '../../context.js';
import { paymentCancelCommand } from './cancel.js';
import { paymentConfirmCommand } from './confirm.js';
import { paymentShowCommand } from './show.js';

export function paymentCommand(ctx: Context): Command {
  return new Command('payment')
    .description('Phone-bill payments: show one, confirm it with the SMS code, or cancel it')
    .addCommand(paymentShowCommand(ctx))
    .addCommand(paymentConfirmCommand(ctx))
    .addCommand(paymentCancelCommand(ctx));
}
