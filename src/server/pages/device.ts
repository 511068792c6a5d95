/** The verification pages of a device login, one small function per step (see routes/device-pages.ts). */
import { html } from 'hono/html';
import type { Strings } from './i18n.js';
import { errorLine, layout, type Html } from './layout.js';

export interface FormContext {
  t: Strings;
  csrf: string;
  error?: string;
}

const csrfField = (csrf: string) => html`<input type="hidden" name="csrf" value="${csrf}">`;
const invalid = (error: string | undefined) => (error ? html` aria-invalid="true" aria-describedby="error"` : '');

export function codePage(f: FormContext, userCode: string): Html {
  const { t } = f;
  return layout(
    t,
    t.codeHeading,
    html`${errorLine(f.error)}
<form method="post" action="/device">
${csrfField(f.csrf)}
<label for="user_code">${t.codeLabel}</label>
<input id="user_code" name="user_code" class="code" value="${userCode}" autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" maxlength="20" required autofocus${invalid(f.error)}>
<p class="hint">${t.codeHint}</p>
<div class="buttons"><button type="submit">${t.continue}</button></div>
</form>`,
  );
}

export function phonePage(f: FormContext, device: string, phone: string): Html {
  const { t } = f;
  return layout(
    t,
    t.phoneHeading,
    html`<p>${t.phoneIntro(device)}</p>
${errorLine(f.error)}
<form method="post" action="/device/phone">
${csrfField(f.csrf)}
<label for="phone">${t.phoneLabel}</label>
<input id="phone" name="phone" type="tel" value="${phone}" autocomplete="tel" inputmode="tel" maxlength="32" required autofocus${invalid(f.error)}>
<p class="hint">${t.phoneHint}</p>
<div class="buttons"><button type="submit">${t.sendCode}</button></div>
</form>`,
  );
}

export function smsPage(f: FormContext, maskedPhone: string): Html {
  const { t } = f;
  return layout(
    t,
    t.smsHeading,
    html`<p>${t.smsIntro(maskedPhone)}</p>
${errorLine(f.error)}
<form method="post" action="/device/verify">
${csrfField(f.csrf)}
<label for="sms_code">${t.smsLabel}</label>
<input id="sms_code" name="sms_code" class="code" inputmode="numeric" pattern="[0-9 ]*" autocomplete="one-time-code" maxlength="12" required autofocus${invalid(f.error)}>
<div class="buttons"><button type="submit">${t.verify}</button></div>
</form>`,
  );
}

export function confirmPage(f: FormContext, device: string, maskedPhone: string, newAccount: boolean): Html {
  const { t } = f;
  return layout(
    t,
    t.confirmHeading,
    html`<p>${t.confirmIntro(device, maskedPhone)}</p>
${newAccount ? html`<p>${t.newAccount}</p>` : ''}
${errorLine(f.error)}
<form method="post" action="/device/decision">
${csrfField(f.csrf)}
<div class="buttons">
<button type="submit" name="decision" value="deny" class="secondary">${t.deny}</button>
<button type="submit" name="decision" value="approve">${t.approve}</button>
</div>
</form>`,
  );
}

/** An end of the road: approved, denied, expired, used, locked out or a refused form. */
export function resultPage(t: Strings, heading: string, body: string, startOver = false): Html {
  return layout(t, heading, html`<p>${body}</p>${startOver ? html`<p><a href="/device">${t.startOver}</a></p>` : ''}`);
}
