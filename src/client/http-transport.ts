/**
 * A `Fetch` over node:http and node:https, the CLI's transport when no proxy is configured. Node's
 * global fetch costs a process that used it 170–360 ms at exit (V8 finishing the compile of undici's
 * WebAssembly HTTP parser) plus undici's start-up; node:http has neither. It answers with a
 * WireResponse, so the client's timeouts, retries and error classes work on it unchanged, and it fails
 * the way fetch does (a TypeError "fetch failed" whose `cause` is the socket's error; an AbortError
 * on abort), so transportError() reads both alike. Bodies are not compressed (no Accept-Encoding).
 */
import type { IncomingMessage } from 'node:http';
import type { Fetch } from './client.js';
import { incomingResponse, type WireResponse } from './wire-response.js';

const MAX_REDIRECTS = 20;
/** Statuses whose Response must not have a body. */
const NULL_BODY = new Set([101, 204, 205, 304]);

export const httpFetch: Fetch = (url, init) => send(new URL(url), init, 0);

async function send(url: URL, init: RequestInit, redirects: number): Promise<WireResponse> {
  const res = await exchange(url, init);
  const status = res.statusCode ?? 0;
  const location = res.headers.location;
  if (![301, 302, 303, 307, 308].includes(status) || location === undefined || init.redirect === 'manual') return toResponse(res, init.signal);
  res.resume();
  if (redirects >= MAX_REDIRECTS) throw fetchFailed(new Error('too many redirects'));
  const next = new URL(location, url);
  // As fetch does: 303 (and 301/302 after a POST) become a GET without a body; credentials stay
  // with their origin.
  const toGet = status === 303 || ((status === 301 || status === 302) && init.method === 'POST');
  const headers = { ...(init.headers as Record<string, string>) };
  if (next.origin !== url.origin) delete headers.authorization;
  if (toGet) delete headers['content-type'];
  const { body, ...rest } = init;
  return send(next, { ...rest, headers, ...(toGet ? { method: 'GET' } : body !== undefined ? { body } : {}) }, redirects + 1);
}

/** One request and its response head; the body is left unread. */
async function exchange(url: URL, init: RequestInit): Promise<IncomingMessage> {
  const signal = init.signal ?? undefined;
  // Loaded by the first request, not with this module: the bundle may put it in a chunk that every
  // command loads, and node:http costs about 2 ms to load. node:https, and TLS with it, only for an
  // https URL: a server on this machine never needs them.
  const { request } = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  if (signal?.aborted) throw abortError(signal);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers as Record<string, string> });
    const onAbort = () => req.destroy(abortError(signal!));
    signal?.addEventListener('abort', onAbort, { once: true });
    req.once('response', (res) => {
      // From here the abort belongs to the body (see toResponse).
      signal?.removeEventListener('abort', onAbort);
      resolve(res);
    });
    req.once('error', (e) => {
      signal?.removeEventListener('abort', onAbort);
      reject(e.name === 'AbortError' ? e : fetchFailed(e));
    });
    req.end(typeof init.body === 'string' ? init.body : undefined);
  });
}

function toResponse(res: IncomingMessage, signal: AbortSignal | null | undefined): WireResponse {
  if (signal) {
    // An abort while the body is read fails the read with an AbortError, as fetch's does.
    const onAbort = () => res.destroy(abortError(signal));
    if (signal.aborted) onAbort();
    else {
      signal.addEventListener('abort', onAbort, { once: true });
      res.once('close', () => signal.removeEventListener('abort', onAbort));
    }
  }
  // A connection that closes before the body is complete is an error, not a short body.
  res.once('aborted', () => res.destroy(fetchFailed(Object.assign(new Error('the connection closed before the answer was complete'), { code: 'ECONNRESET' }))));
  return incomingResponse(res, !NULL_BODY.has(res.statusCode ?? 0));
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error && reason.name === 'AbortError' ? reason : new DOMException('This operation was aborted', 'AbortError');
}

/** The shape of a failed fetch: the socket's error as the cause, whose code and message say what happened. */
function fetchFailed(cause: Error): TypeError {
  return Object.assign(new TypeError('fetch failed'), { cause });
}
