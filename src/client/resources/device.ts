/**
 * The device authorization grant (RFC 8628) from the device's side: ask for a code, then poll the
 * token endpoint at the server's interval until the person in the browser approves (an API key),
 * denies or lets the code expire. Knows nothing of terminals: the caller shows the code.
 */
import type { TokenClient } from '../client.js';
import { ApiError, ClientError } from '../errors.js';
import type { DeviceAuthorization } from '../../shared/wire.js';

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** RFC 8628 §3.5: without an interval from the server, poll every 5 s; each slow_down adds 5 s. */
const DEFAULT_INTERVAL_S = 5;
const SLOW_DOWN_STEP_S = 5;

/** The login ended without a key: the person denied it, or the code expired first. */
export class DeviceLoginError extends ClientError {
  constructor(
    readonly reason: 'access_denied' | 'expired_token',
    message: string,
  ) {
    super(message);
  }
}

export interface WaitOptions {
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  now?: () => number;
  /** Told each time the server asks for slower polling, with the new interval in seconds. */
  onSlowDown?: (intervalSeconds: number) => void;
}

export class Device {
  constructor(private readonly c: TokenClient) {}

  /** Starts a login for the device named `clientName` (the key issued at the end is named after it). */
  authorize(clientName: string, signal?: AbortSignal): Promise<DeviceAuthorization> {
    return this.c.request('POST', '/v1/oauth/device/code', {
      // RFC 8628 §3.1 and §3.4: form-encoded, so any device-flow server understands it, not only ours.
      form: { client_id: 'tokencli', client_name: clientName },
      schema: (w) => w.DeviceAuthorizationSchema,
      ...(signal ? { signal } : {}),
    });
  }

  /** Polls until the login ends; resolves with the issued API key. */
  async waitForKey(auth: DeviceAuthorization, o: WaitOptions = {}): Promise<string> {
    const sleep = o.sleep ?? abortableSleep;
    const now = o.now ?? Date.now;
    const deadline = now() + auth.expires_in * 1000;
    let interval = auth.interval ?? DEFAULT_INTERVAL_S;
    for (;;) {
      await sleep(interval * 1000, o.signal);
      try {
        const token = await this.c.request('POST', '/v1/oauth/token', {
          form: { grant_type: DEVICE_CODE_GRANT, device_code: auth.device_code, client_id: 'tokencli' },
          schema: (w) => w.DeviceTokenSchema,
          ...(o.signal ? { signal: o.signal } : {}),
        });
        return token.access_token;
      } catch (e) {
        if (!(e instanceof ApiError) || e.status !== 400) throw e;
        switch (e.code) {
          case 'authorization_pending':
            break;
          case 'slow_down':
            interval += SLOW_DOWN_STEP_S;
            o.onSlowDown?.(interval);
            break;
          case 'access_denied':
            throw new DeviceLoginError('access_denied', 'the login was denied in the browser');
          case 'expired_token':
            throw new DeviceLoginError('expired_token', `the code expired before the login was approved`);
          default:
            throw e;
        }
        // A server that never says expired_token must not keep us polling past the code's life.
        if (now() >= deadline) throw new DeviceLoginError('expired_token', 'the code expired before the login was approved');
      }
    }
  }
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
