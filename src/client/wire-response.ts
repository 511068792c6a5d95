/**
 * What the client reads of an HTTP answer. A standard Response has all of it (the in-process app in
 * tests, undici behind a proxy); http-transport.ts builds a lighter one, because touching the global
 * Response or Headers loads Node's bundled undici (about 17 ms), which a short run should not pay.
 */
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';

export interface HeaderBag {
  get(name: string): string | null;
}

export interface WireResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly headers: HeaderBag;
  /** Null once the body has been read into memory, or when the status has none. */
  readonly body: ReadableStream<Uint8Array> | null;
  /**
   * The body as node:http gave it, when it did: iterating it yields everything that has arrived
   * since the last step as one piece, where a web stream yields each network read apart.
   */
  readonly nodeBody?: Readable | undefined;
  json(): Promise<unknown>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** An answer whose body is already in memory (a JSON answer read inside its time limit). */
export function bufferedResponse(head: Pick<WireResponse, 'status' | 'statusText' | 'headers'>, bytes: ArrayBuffer): WireResponse {
  return {
    ok: head.status >= 200 && head.status < 300,
    status: head.status,
    statusText: head.statusText,
    headers: head.headers,
    body: null,
    json: async () => JSON.parse(new TextDecoder().decode(bytes)) as unknown,
    arrayBuffer: async () => bytes,
  };
}

/** A node:http response as a WireResponse; its body is read once, as a stream or whole. */
export function incomingResponse(res: IncomingMessage, hasBody: boolean): WireResponse {
  const status = res.statusCode ?? 0;
  const headers: HeaderBag = {
    get: (name) => {
      const v = res.headers[name.toLowerCase()];
      return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
    },
  };
  if (!hasBody) res.resume();
  // Made only when asked for: a web stream puts the response into flowing mode.
  let web: ReadableStream<Uint8Array> | undefined;
  const whole = async (): Promise<ArrayBuffer> => {
    if (!hasBody) return new ArrayBuffer(0);
    const parts: Uint8Array[] = [];
    for await (const part of res) parts.push(part as Uint8Array);
    const all = Buffer.concat(parts);
    return all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer;
  };
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: res.statusMessage ?? '',
    headers,
    get body() {
      return hasBody ? (web ??= Readable.toWeb(res) as ReadableStream<Uint8Array>) : null;
    },
    ...(hasBody ? { nodeBody: res } : {}),
    json: async () => JSON.parse(new TextDecoder().decode(await whole())) as unknown,
    arrayBuffer: whole,
  };
}
