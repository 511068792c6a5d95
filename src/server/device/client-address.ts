/** The address a request came from, for the per-client attempt limits of device logins. */
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

export function clientAddress(c: Context): string {
  // @hono/node-server hands over the Node request; an in-process app.fetch() (tests) has none.
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  return incoming?.socket.remoteAddress ?? 'local';
}
