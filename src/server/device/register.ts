/** Device logins wired into the app: the two OAuth endpoints, the verification pages, and the key list to revoke their keys. */
import type { App, AppDeps } from '../app.js';
import { registerDevicePages } from '../routes/device-pages.js';
import { registerKeyRoutes } from '../routes/keys.js';
import { registerOauthDeviceRoutes } from '../routes/oauth-device.js';
import { DEFAULT_DEVICE_FLOW, DeviceGrant } from './grant.js';
import { DeviceVerification } from './verification.js';
import { WebSessions } from './web-session.js';

/** Readable without a key: a device has none until the login ends. */
export const DEVICE_PUBLIC_ROUTES = ['POST /v1/oauth/device/code', 'POST /v1/oauth/token'];

export function registerDeviceLogin(app: App, deps: AppDeps): void {
  registerOauthDeviceRoutes(app, new DeviceGrant({ db: deps.db, now: deps.now, options: deps.deviceFlow ?? DEFAULT_DEVICE_FLOW }));
  registerDevicePages(app, new DeviceVerification({ db: deps.db, sms: deps.sms, now: deps.now }), new WebSessions(deps.webSecret));
  registerKeyRoutes(app, deps);
}
