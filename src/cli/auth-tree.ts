/**
 * `tokencli auth`: gh's habits, `auth login|logout|switch|token|keys` beside `auth status`, the same
 * commands as the short forms. One place builds it, for the full tree and for the start-up path.
 */
import type { Command } from 'commander';
import { authCommand } from './commands/auth/auth.js';
import { authTokenCommand } from './commands/auth/token.js';
import { authKeysCommand } from './commands/auth/keys.js';
import { loginCommand } from './commands/login/login.js';
import { logoutCommand } from './commands/logout/logout.js';
import { profilesUseCommand } from './commands/profiles/use.js';
import type { Context } from './context.js';

export function authTree(ctx: Context): Command {
  return authCommand(ctx)
    .addCommand(loginCommand(ctx))
    .addCommand(logoutCommand(ctx))
    .addCommand(profilesUseCommand(ctx).name('switch'))
    .addCommand(authTokenCommand(ctx))
    .addCommand(authKeysCommand(ctx));
}
