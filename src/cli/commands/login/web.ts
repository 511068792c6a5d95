/**
 * `tokencli login --web`: the device authorization grant (RFC 8628). The code and the URL go to
 * stderr (a script's stdout stays clean), the browser opens where there is one, and the server is
 * polled at its interval until the person approves, denies or lets the code expire. Ctrl-C stops the
 * wait with nothing saved. The key this returns is then checked and saved as any other login's.
 */
import type { TokenClient } from '../../../client/client.js';
import { DeviceLoginError } from '../../../client/resources/device.js';
import { NotFoundError } from '../../../client/errors.js';
import { AuthRequiredError, InterruptedError, UsageError } from '../../errors.js';
import { note } from '../../io/messages.js';
import type { IOStreams } from '../../io/streams.js';
import { exitCodeFor, type SignalTrap, type TrappedSignal } from '../../signals.js';

export interface WebLoginOptions {
  io: IOStreams;
  quiet: boolean;
  client: TokenClient;
  /** Names the key the server issues (this machine's host name), so it can be told apart and revoked. */
  deviceName: string;
  /** Opens the URL in a browser where there is one; false when it did not (none, or --no-browser). */
  openBrowser: (url: string) => Promise<boolean>;
  trapSignals: () => SignalTrap;
}

export async function webLoginKey(opts: WebLoginOptions): Promise<string> {
  const trap = opts.trapSignals();
  try {
    const auth = await opts.client.device.authorize(opts.deviceName, trap.signal).catch((e: unknown) => {
      if (e instanceof NotFoundError) throw new UsageError('this server does not offer web login (no POST /v1/oauth/device/code)', 'log in with a key instead: tokencli login');
      throw e;
    });
    const url = auth.verification_uri_complete ?? auth.verification_uri;
    const c = opts.io.errColor;
    // The code and URL are printed even under --quiet: without them the login cannot go on.
    opts.io.err(`${c.yellow('!')} Your one-time code: ${c.bold(auth.user_code)}\n`);
    opts.io.err(`  Open ${url} in a browser (on this or any device) and confirm the code there.\n`);
    if (await opts.openBrowser(url)) note(opts.io, opts.quiet, 'Opened your browser');
    const lifetime = auth.expires_in < 120 ? `${auth.expires_in} seconds` : `${Math.round(auth.expires_in / 60)} minutes`;
    const spinner = opts.io.spinner('Waiting for you to approve in the browser…');
    try {
      return await opts.client.device.waitForKey(auth, { signal: trap.signal });
    } catch (e) {
      if (e instanceof DeviceLoginError && e.reason === 'access_denied') {
        throw new AuthRequiredError('login denied in the browser: no key was saved', 'run `tokencli login --web` again to sign in');
      }
      if (e instanceof DeviceLoginError) {
        throw new AuthRequiredError(`the code ${auth.user_code} expired before the login was approved: no key was saved`, `run \`tokencli login --web\` again and approve within ${lifetime}`);
      }
      throw e;
    } finally {
      spinner.stop();
    }
  } catch (e) {
    if (trap.signal.aborted) {
      const sig = trap.signal.reason as TrappedSignal;
      throw new InterruptedError(`${sig === 'SIGINT' ? 'interrupted' : `stopped by ${sig}`}: login cancelled, nothing was saved`, exitCodeFor(sig));
    }
    throw e;
  } finally {
    trap.release();
  }
}
