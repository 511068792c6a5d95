/**
 * Starts a real `tokencli serve` from the built binary on 127.0.0.1 with a free port: on SQLite in
 * its data directory, or, in the `postgres` project, as a replica on a database of the run's cluster
 * that belongs to the data directory (a restart on the same directory finds its data again).
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect } from 'vitest';
import { tokencli } from './cli.js';
import { freshDatabase, onPostgres } from './pg.js';
import { BIN, cleanEnv, exited, spawnTracked, tempDir } from './procs.js';

const databases = new Map<string, string>();

/** The flags that put a server of this data directory on the store under test. */
async function storeArgs(dataDir: string): Promise<string[]> {
  if (!onPostgres) return [];
  let url = databases.get(dataDir);
  if (!url) databases.set(dataDir, (url = await freshDatabase()));
  // Named after its directory, as a replica with a stable name is: its restart settles its own holds.
  return ['--database', url, '--replica-id', basename(dataDir)];
}

export interface Served {
  url: string;
  /** The demo account's key, printed once because the database was new. */
  key: string;
  dataDir: string;
  /** The flags that name this server's database beside --data-dir (none on SQLite), for `serve keys create`. */
  storeArgs: string[];
  /** The JSON-lines file the server appends each SMS to (`--sms-outbox`), when asked for with `smsOutbox`. */
  smsOutbox?: string;
  proc: ChildProcess;
  stderr(): string;
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function startServe(args: string[] = [], o: { dataDir?: string; env?: Record<string, string>; smsOutbox?: boolean; database?: string } = {}): Promise<Served> {
  const dataDir = o.dataDir ?? tempDir('tokencli-serve-');
  if (o.database) databases.set(dataDir, o.database);
  const store = await storeArgs(dataDir);
  const smsOutbox = o.smsOutbox ? join(dataDir, 'sms-outbox.jsonl') : undefined;
  const outboxArgs = smsOutbox ? ['--sms-outbox', smsOutbox] : [];
  const proc = spawnTracked(process.execPath, [BIN, 'serve', '--port', '0', '--data-dir', dataDir, ...store, ...outboxArgs, ...args], {
    env: cleanEnv(dataDir, o.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(line);
    });
    proc.once('exit', (code) => reject(new Error(`serve exited with ${code} before listening: ${err}`)));
  });
  // The key line is written before the URL; give stderr's pipe a moment to deliver it.
  for (let i = 0; i < 50 && !err.includes('Ctrl-C stops it'); i++) await new Promise((r) => setTimeout(r, 10));
  const key = /tp_[0-9A-Za-z]+/.exec(err)?.[0] ?? '';
  return {
    url,
    key,
    dataDir,
    storeArgs: store.slice(0, 2),
    ...(smsOutbox ? { smsOutbox } : {}),
    proc,
    stderr: () => err,
    stop: (signal = 'SIGTERM') => {
      proc.kill(signal);
      return exited(proc);
    },
  };
}

export interface SentSms {
  sent_at: string;
  to: string;
  text: string;
  purpose: string;
  code?: string;
}

/** Every SMS the server has sent so far, oldest first (the outbox is written before the send returns). */
export function smsSent(s: Served): SentSms[] {
  if (!s.smsOutbox) throw new Error('start the server with { smsOutbox: true }');
  if (!existsSync(s.smsOutbox)) return [];
  return readFileSync(s.smsOutbox, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as SentSms);
}

/**
 * `n` replicas of `tokencli serve`, each with a data directory and name of its own, on one new
 * PostgreSQL database of the run's cluster, all started at the same moment. `key` is the demo key,
 * printed by the one replica that created the database.
 */
export async function startReplicas(n: number, args: string[] = []): Promise<{ replicas: Served[]; key: string; database: string }> {
  const database = await freshDatabase();
  const replicas = await Promise.all(Array.from({ length: n }, () => startServe(args, { database })));
  return { replicas, key: replicas.map((r) => r.key).find(Boolean) ?? '', database };
}

/** A tiny typed fetch for server tests. */
export async function api(url: string, path: string, o: { key?: string; method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...o.headers };
  if (o.key) headers.authorization = `Bearer ${o.key}`;
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url + path, {
    method: o.method ?? (o.body !== undefined ? 'POST' : 'GET'),
    headers,
    ...(o.body !== undefined ? { body: typeof o.body === 'string' ? o.body : JSON.stringify(o.body) } : {}),
  });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

export const buy = (url: string, key: string, plan = 'starter', idempotencyKey = `k-${Math.random()}`) =>
  api(url, '/v1/purchases', { key, body: { plan_id: plan }, headers: { 'idempotency-key': idempotencyKey } });

export const chat = (url: string, key: string, body: Record<string, unknown>) =>
  api(url, '/v1/chat/completions', { key, body: { model: 'demo-mini', messages: [{ role: 'user', content: 'hi' }], ...body } });

export const balanceOf = async (url: string, key: string) => (await api(url, '/v1/balance', { key })).json;

/** Spends with demo-mini (1×/1×) until exactly `leave` plan tokens remain. */
export async function drainTo(url: string, key: string, leave: number): Promise<void> {
  for (;;) {
    const remaining = (await balanceOf(url, key)).tokens_remaining as number;
    // "hi" as one user message is 8 prompt tokens.
    const excess = remaining - leave - 8;
    if (excess <= 0) break;
    const r = await chat(url, key, { max_tokens: Math.min(excess, 8000) });
    expect(r.status).toBe(200);
  }
  expect((await balanceOf(url, key)).tokens_remaining).toBe(leave);
}

/** Opens a demo stream and reads it until `atLeast` content chunks have arrived. */
export async function openStream(url: string, key: string, maxTokens: number, atLeast: number) {
  const res = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'demo-mini', messages: [{ role: 'user', content: 'hi' }], max_tokens: maxTokens, stream: true, stream_options: { include_usage: true } }),
  });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  let text = '';
  const contentChunks = () => (text.match(/"content":" /g) ?? []).length;
  while (contentChunks() < atLeast) text += new TextDecoder().decode((await reader.read()).value);
  /** Reads to the end (or to the connection's death) and returns everything received. */
  const rest = async () => {
    try {
      for (let r = await reader.read(); !r.done; r = await reader.read()) text += new TextDecoder().decode(r.value);
    } catch {
      // the server died mid-stream
    }
    return { text, contentChunks: contentChunks() };
  };
  return { rest };
}

/** One SMS as `serve --sms-outbox` writes it. */
export interface SentSms {
  sent_at: string;
  to: string;
  text: string;
  purpose: string;
  code?: string;
}

/** A server whose SMS land in an outbox file the test reads, and a way to make accounts with a phone. */
export interface ServedWithSms extends Served {
  outbox: string;
  /** Every SMS sent so far, oldest first. */
  sms(): SentSms[];
  /** The code of the last payment SMS. */
  lastCode(): string;
  /** A key for a new account with this phone number, minted by `serve keys create --phone`. */
  phoneAccount(name: string, phone: string): Promise<string>;
}

export async function startServeWithSms(args: string[] = [], o: { dataDir?: string; env?: Record<string, string> } = {}): Promise<ServedWithSms> {
  const outbox = join(tempDir('tokencli-sms-'), 'outbox.jsonl');
  const served = await startServe(['--sms-outbox', outbox, ...args], o);
  const sms = (): SentSms[] => (existsSync(outbox) ? readFileSync(outbox, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as SentSms) : []);
  return {
    ...served,
    outbox,
    sms,
    lastCode: () => sms().filter((m) => m.purpose === 'payment').at(-1)?.code ?? '',
    phoneAccount: async (name, phone) => {
      const r = await tokencli(['serve', 'keys', 'create', '--account', name, '--phone', phone, '--data-dir', served.dataDir, ...served.storeArgs]);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout.trim();
    },
  };
}
