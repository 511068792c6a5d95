/**
 * RFC 8628's two endpoints, readable without a key: POST /v1/oauth/device/code starts a login,
 * POST /v1/oauth/token is polled by the CLI until the person in the browser decides. Errors here use
 * OAuth's shape (`{"error": "authorization_pending", "error_description"}`, RFC 6749 §5.2), which
 * device-flow clients expect, not the OpenAI envelope of the rest of the API.
 */
import type { Context } from 'hono';
import type { App } from '../app.js';
import { clientAddress } from '../device/client-address.js';
import type { DeviceGrant } from '../device/grant.js';
import { ApiProblem } from '../errors.js';
import { formatUserCode } from '../store/device-codes.js';

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const MAX_CLIENT_NAME = 100;

export function registerOauthDeviceRoutes(app: App, grant: DeviceGrant): void {
  app.post('/v1/oauth/device/code', async (c) => {
    const params = await oauthParams(c);
    if (params === undefined) return oauthError(c, 'invalid_request', 'send the parameters as application/x-www-form-urlencoded or JSON');
    const clientName = cleanName(params.client_name ?? params.client_id ?? 'device');
    if (!clientName) return oauthError(c, 'invalid_request', `client_name must be 1 to ${MAX_CLIENT_NAME} printable characters`);
    const started = await grant.start(clientName, clientAddress(c));
    if ('retryAfter' in started) {
      throw new ApiProblem(429, 'rate_limit_exceeded', `too many device codes: retry in ${started.retryAfter}s`, 'rate_limit_exceeded', null, { 'retry-after': String(started.retryAfter) });
    }
    const { row, deviceCode } = started.created;
    const verificationUri = `${new URL(c.req.url).origin}/device`;
    const userCode = formatUserCode(row.user_code);
    noStore(c);
    return c.json({
      device_code: deviceCode,
      user_code: userCode,
      verification_uri: verificationUri,
      verification_uri_complete: `${verificationUri}?user_code=${userCode}`,
      expires_in: Math.round((Date.parse(row.expires_at) - Date.parse(row.created_at)) / 1000),
      interval: row.interval_seconds,
    });
  });

  app.post('/v1/oauth/token', async (c) => {
    const params = await oauthParams(c);
    if (params === undefined) return oauthError(c, 'invalid_request', 'send the parameters as application/x-www-form-urlencoded or JSON');
    if (params.grant_type !== DEVICE_CODE_GRANT) return oauthError(c, 'unsupported_grant_type', `grant_type must be ${DEVICE_CODE_GRANT}`);
    if (!params.device_code) return oauthError(c, 'invalid_request', 'device_code is required');
    const result = await grant.poll(params.device_code);
    noStore(c);
    if (result.ok) return c.json({ access_token: result.apiKey, token_type: 'Bearer' });
    const { error } = result;
    return oauthError(c, error, DESCRIPTIONS[error], error === 'slow_down' ? { interval: result.interval } : {});
  });
}

const DESCRIPTIONS = {
  authorization_pending: 'the person has not approved or denied this login yet',
  slow_down: 'polled faster than the interval; the interval is now longer by 5 seconds',
  access_denied: 'the login was denied in the browser',
  expired_token: 'the device code expired before its key was collected; start again',
  invalid_grant: 'unknown device code, or one whose key was already issued',
} as const;

type OauthErrorCode = keyof typeof DESCRIPTIONS | 'invalid_request' | 'unsupported_grant_type';

function oauthError(c: Context, error: OauthErrorCode, description: string, extra: Record<string, unknown> = {}) {
  noStore(c);
  return c.json({ error, error_description: description, ...extra }, 400);
}

/** RFC 6749 §5.1: token answers must not be cached. */
function noStore(c: Context): void {
  c.header('cache-control', 'no-store');
  c.header('pragma', 'no-cache');
}

/** Form parameters as RFC 8628 sends them, or a JSON object of strings; undefined when neither. */
async function oauthParams(c: Context): Promise<Record<string, string> | undefined> {
  const type = c.req.header('content-type') ?? '';
  try {
    const raw: Record<string, unknown> = type.startsWith('application/json') ? await c.req.json() : await c.req.parseBody();
    if (typeof raw !== 'object' || raw === null) return undefined;
    return Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return undefined;
  }
}

/** A device name as it will label a key: printable, trimmed, bounded. */
function cleanName(name: string): string | undefined {
  // Control characters, and format characters such as U+202E (right-to-left override) that would
  // let a device name read differently on the approval page from what it is.
  const cleaned = name.replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  return cleaned.length > 0 && cleaned.length <= MAX_CLIENT_NAME ? cleaned : undefined;
}
