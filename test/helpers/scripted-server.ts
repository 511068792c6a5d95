/**
 * A server on 127.0.0.1 that answers chat completions exactly as a test scripts it (any bytes, any
 * content type, cut anywhere), for the answer shapes real servers and proxies send. Models are
 * listed so the CLI's cache has rates; every other path is a 404 in the OpenAI envelope.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ChatScript = (res: ServerResponse, body: any, req: IncomingMessage) => void | Promise<void>;

export interface ScriptedServer {
  url: string;
  chat: ChatScript;
  requests: number;
  close(): Promise<void>;
}

/** `contextLength`: the listed model's, which bounds what a run reserves and a conversation sends again (1,000 unless given). */
export async function scriptedServer(chat: ChatScript, o: { contextLength?: number } = {}): Promise<ScriptedServer> {
  const state = { chat, requests: 0 };
  const server = createServer((req, res) => {
    let raw = '';
    // Decoded as a stream: a character split between two reads of a long body stays one character.
    req.setEncoding('utf8').on('data', (d: string) => (raw += d));
    req.on('end', () => {
      if (req.url === '/v1/models') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify({ object: 'list', data: [{ id: 'm', context_length: o.contextLength ?? 1000, billing: { input_multiplier_milli: 1000, output_multiplier_milli: 1000 } }] }));
      }
      if (req.url === '/v1/chat/completions' && req.method === 'POST') {
        state.requests++;
        return void state.chat(res, raw ? JSON.parse(raw) : undefined, req);
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { type: 'not_found', code: 'not_found', message: 'no such path', param: null } }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    get chat() {
      return state.chat;
    },
    set chat(c: ChatScript) {
      state.chat = c;
    },
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export const sseChunk = (content: string | null, finish: string | null = null, extra: object = {}) =>
  `data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content }, finish_reason: finish }], ...extra })}\n\n`;

export function sse(res: ServerResponse, parts: string[], o: { end?: boolean } = {}): void {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const p of parts) res.write(p);
  if (o.end !== false) res.end();
}
