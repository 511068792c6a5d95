/**
 * The frame of every verification page: one column sized for a phone, readable without JavaScript,
 * CSS inline so a page is one request. hono/html escapes every interpolated value; the one raw()
 * is our own constant stylesheet, which entities would break.
 */
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Strings } from './i18n.js';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const STYLE = `
  :root { color-scheme: light dark; font-family: system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", sans-serif; }
  body { margin: 0; padding: 1.5rem 1rem; line-height: 1.5; }
  main { max-width: 26rem; margin: 0 auto; }
  .brand { font-weight: 600; opacity: .7; margin: 0 0 1rem; }
  h1 { font-size: 1.4rem; margin: 0 0 .75rem; }
  label { display: block; font-weight: 600; margin: 1rem 0 .25rem; }
  input { box-sizing: border-box; width: 100%; font-size: 1.25rem; padding: .6rem .7rem; border: 1px solid #8a8a8a; border-radius: .4rem; }
  input.code { letter-spacing: .15em; text-transform: uppercase; font-family: ui-monospace, monospace; }
  .hint { font-size: .9rem; opacity: .75; margin: .25rem 0 0; }
  .error { color: #b00020; background: #fdecee; border-radius: .4rem; padding: .5rem .7rem; }
  .buttons { display: flex; gap: .75rem; margin-top: 1.25rem; }
  button { flex: 1; font-size: 1.1rem; padding: .7rem; border-radius: .4rem; border: 1px solid #1a5fb4; background: #1a5fb4; color: #fff; }
  button.secondary { background: transparent; color: inherit; border-color: #8a8a8a; }
`;

export function layout(t: Strings, heading: string, body: Html): Html {
  return html`<!doctype html>
<html lang="${t.htmlLang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${heading} &middot; ${t.title}</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<main>
<p class="brand">${t.title}</p>
<h1>${heading}</h1>
${body}
</main>
</body>
</html>`;
}

/** A problem with what was typed, announced to screen readers as it appears. */
export const errorLine = (message: string | undefined): Html | string => (message ? html`<p class="error" id="error" role="alert">${message}</p>` : '');
