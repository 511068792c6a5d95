/**
 * The verification pages' browser session and CSRF protection. A random cookie (HttpOnly,
 * SameSite=Lax) names the browser; every form carries an HMAC of that cookie under a key only the
 * server knows, so a page on another site can neither read the token nor forge the cookie (a signed
 * double-submit token). The key is kept in the database (store/secrets.ts), so every replica of one
 * database accepts the forms the others served, and a restart voids none.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { randomBase62, sha256 } from '../store/accounts.js';

const COOKIE = 'tp_device_session';

export class WebSessions {
  constructor(private readonly secret: Buffer) {}

  /** The browser's session id, set on this response when the browser has none (or a malformed one). */
  ensure(c: Context): string {
    const existing = getCookie(c, COOKIE);
    if (existing && /^[0-9A-Za-z]{32}$/.test(existing)) return existing;
    const session = randomBase62(32);
    setCookie(c, COOKIE, session, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/device',
      maxAge: 3600,
      secure: new URL(c.req.url).protocol === 'https:',
    });
    return session;
  }

  /** The session id a form was posted with, or undefined when the cookie is missing. */
  current(c: Context): string | undefined {
    const session = getCookie(c, COOKIE);
    return session && /^[0-9A-Za-z]{32}$/.test(session) ? session : undefined;
  }

  csrfToken(session: string): string {
    return createHmac('sha256', this.secret).update(session).digest('base64url');
  }

  csrfValid(session: string | undefined, token: unknown): boolean {
    if (!session || typeof token !== 'string') return false;
    const expected = Buffer.from(this.csrfToken(session));
    const given = Buffer.from(token);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** What the database keeps to tie a login to this browser: never the cookie itself. */
  hash(session: string): Buffer {
    return sha256(session);
  }
}
