/**
 * The verification pages (RFC 8628 §3.3) that `tokencli serve` serves itself: /device takes the user
 * code, then the phone number, the SMS code and the decision, each a plain HTML form that works
 * without JavaScript. Every POST is checked against the browser's CSRF token; each answer redirects
 * (303) to the page of the step the login is now at, so a reload never posts twice.
 */
import type { Context } from 'hono';
import type { App } from '../app.js';
import { clientAddress } from '../device/client-address.js';
import type { DeviceVerification, Step } from '../device/verification.js';
import type { WebSessions } from '../device/web-session.js';
import { maskPhone } from '../phone.js';
import type { DeviceCodeRow } from '../store/device-codes.js';
import { codePage, confirmPage, phonePage, resultPage, smsPage } from '../pages/device.js';
import { pickLang, STRINGS, type Strings } from '../pages/i18n.js';
import type { Html } from '../pages/layout.js';

const STEP_PATH: Record<Step, string> = {
  phone: '/device/phone',
  sms: '/device/verify',
  confirm: '/device/confirm',
  approved: '/device/done',
  denied: '/device/done',
  expired: '/device/done',
  locked: '/device/done',
};

const SECURITY_HEADERS = {
  // No scripts at all; forms post only here; never inside another site's frame (the Approve button).
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-frame-options': 'DENY',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  vary: 'Accept-Language, Cookie',
};

export function registerDevicePages(app: App, flow: DeviceVerification, sessions: WebSessions): void {
  const strings = (c: Context): Strings => STRINGS[pickLang(c.req.header('accept-language'))];
  const render = (c: Context, status: 200 | 400 | 403 | 404 | 410 | 429, page: Html) => c.html(page, status);

  app.use('/device', headers);
  app.use('/device/*', headers);

  app.get('/device', (c) => {
    const session = sessions.ensure(c);
    return render(c, 200, codePage({ t: strings(c), csrf: sessions.csrfToken(session) }, c.req.query('user_code') ?? ''));
  });

  app.post('/device', async (c) => {
    const t = strings(c);
    const form = await c.req.parseBody();
    const session = sessions.current(c);
    if (!sessions.csrfValid(session, form.csrf)) return render(c, 403, resultPage(t, t.csrfHeading, t.csrfBody, true));
    const typed = typeof form.user_code === 'string' ? form.user_code : '';
    const entry = await flow.enterUserCode(typed, sessions.hash(session!), clientAddress(c));
    if (entry.ok) return c.redirect(STEP_PATH.phone, 303);
    const again = (status: 400 | 404 | 429, error: string) => render(c, status, codePage({ t, csrf: sessions.csrfToken(session!), error }, typed));
    switch (entry.problem) {
      case 'malformed':
        return again(400, t.malformedCode);
      case 'unknown':
        return again(404, t.unknownCode);
      case 'rate_limited':
        c.header('retry-after', String(entry.retryAfter));
        return again(429, t.rateLimited(entry.retryAfter));
      case 'expired':
        return render(c, 410, resultPage(t, t.expiredHeading, t.expiredBody));
      case 'used':
        return render(c, 410, resultPage(t, t.usedHeading, t.usedBody));
    }
  });

  /** The login this browser works on, if it is at `step`; otherwise the redirect to where it is. */
  const at = async (c: Context, step: Step): Promise<{ row: DeviceCodeRow; session: string } | Response> => {
    const session = sessions.current(c);
    const row = session ? await flow.forSession(sessions.hash(session)) : undefined;
    if (!session || !row) return c.redirect('/device', 303);
    const now = flow.step(row);
    return now === step ? { row, session } : c.redirect(STEP_PATH[now], 303);
  };
  /** As `at`, for a POST: its CSRF token checked first. */
  const postedAt = async (c: Context, step: Step) => {
    const form = await c.req.parseBody();
    if (!sessions.csrfValid(sessions.current(c), form.csrf)) {
      const t = strings(c);
      return render(c, 403, resultPage(t, t.csrfHeading, t.csrfBody, true));
    }
    const found = await at(c, step);
    return found instanceof Response ? found : { ...found, form };
  };
  const field = (form: Record<string, unknown>, name: string) => (typeof form[name] === 'string' ? form[name] : '');

  app.get('/device/phone', async (c) => {
    const found = await at(c, 'phone');
    if (found instanceof Response) return found;
    const t = strings(c);
    const locked = found.row.sms_code_hash !== null ? t.smsLocked : undefined;
    return render(c, 200, phonePage({ t, csrf: sessions.csrfToken(found.session), ...(locked ? { error: locked } : {}) }, found.row.client_name, ''));
  });

  app.post('/device/phone', async (c) => {
    const found = await postedAt(c, 'phone');
    if (found instanceof Response) return found;
    const t = strings(c);
    const phone = field(found.form, 'phone');
    const sent = await flow.sendSmsCode(found.row, phone);
    if (sent.ok) return c.redirect(STEP_PATH.sms, 303);
    if (sent.problem === 'too_many_sends') return c.redirect(STEP_PATH.locked, 303);
    const again = (status: 400 | 429, error: string) => render(c, status, phonePage({ t, csrf: sessions.csrfToken(found.session), error }, found.row.client_name, phone));
    if (sent.problem === 'bad_phone') return again(400, t.badPhone);
    c.header('retry-after', String(sent.retryAfter));
    return again(429, t.rateLimited(sent.retryAfter));
  });

  app.get('/device/verify', async (c) => {
    const found = await at(c, 'sms');
    if (found instanceof Response) return found;
    return render(c, 200, smsPage({ t: strings(c), csrf: sessions.csrfToken(found.session) }, maskPhone(found.row.phone!)));
  });

  app.post('/device/verify', async (c) => {
    const found = await postedAt(c, 'sms');
    if (found instanceof Response) return found;
    const t = strings(c);
    const checked = await flow.checkSmsCode(found.row, field(found.form, 'sms_code'));
    if (checked.ok) return c.redirect(STEP_PATH.confirm, 303);
    if (checked.problem === 'wrong') {
      return render(c, 400, smsPage({ t, csrf: sessions.csrfToken(found.session), error: t.wrongSms(checked.attemptsLeft) }, maskPhone(found.row.phone!)));
    }
    // The code is void: ask for a new one where that is still allowed, else the locked page.
    const row = (await flow.forSession(sessions.hash(found.session)))!;
    if (flow.step(row) === 'locked') return render(c, 429, resultPage(t, t.lockedHeading, t.lockedBody));
    return render(c, 429, phonePage({ t, csrf: sessions.csrfToken(found.session), error: t.smsLocked }, row.client_name, ''));
  });

  app.get('/device/confirm', async (c) => {
    const found = await at(c, 'confirm');
    if (found instanceof Response) return found;
    const { row } = found;
    return render(c, 200, confirmPage({ t: strings(c), csrf: sessions.csrfToken(found.session) }, row.client_name, maskPhone(row.phone!), !(await flow.hasAccount(row))));
  });

  app.post('/device/decision', async (c) => {
    const found = await postedAt(c, 'confirm');
    if (found instanceof Response) return found;
    const { row, form, session } = found;
    const decision = field(form, 'decision');
    if (decision === 'approve') await flow.approve(row);
    else if (decision === 'deny') await flow.deny(row);
    else return render(c, 400, confirmPage({ t: strings(c), csrf: sessions.csrfToken(session), error: strings(c).badDecision }, row.client_name, maskPhone(row.phone!), !(await flow.hasAccount(row))));
    return c.redirect(STEP_PATH.approved, 303);
  });

  app.get('/device/done', async (c) => {
    const session = sessions.current(c);
    const row = session ? await flow.forSession(sessions.hash(session)) : undefined;
    if (!row) return c.redirect('/device', 303);
    const t = strings(c);
    const step = flow.step(row);
    switch (step) {
      case 'approved':
        return render(c, 200, resultPage(t, t.approvedHeading, t.approvedBody(row.client_name)));
      case 'denied':
        return render(c, 200, resultPage(t, t.deniedHeading, t.deniedBody(row.client_name)));
      case 'expired':
        return render(c, 410, resultPage(t, t.expiredHeading, t.expiredBody));
      case 'locked':
        return render(c, 429, resultPage(t, t.lockedHeading, t.lockedBody));
      default:
        return c.redirect(STEP_PATH[step], 303);
    }
  });
}

async function headers(c: Context, next: () => Promise<void>) {
  await next();
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
}
