// Starting the processes the bench talks to: a `tokencli serve` with a funded demo account, the
// bench-only upstream for answers larger than a demo model's context, and a bare node:http server.
import { spawn } from 'node:child_process';

/** Spawns a node script that prints its URL as its first stdout line. */
async function urlOf(args, env = {}) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const url = await new Promise((resolve, reject) => {
    child.stdout.once('data', (d) => resolve(String(d).trim().split('\n')[0]));
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}: ${err}`)));
  });
  return { url, err: () => err, stop: () => child.kill('SIGKILL') };
}

/** `tokencli serve` on a free port, its demo account funded with enough plan tokens for every case. */
export async function tokenServer(bin, home) {
  const s = await urlOf([bin, 'serve', '--port', '0', '--data-dir', home, '--rate-limit', '1000000', '--rate-burst', '1000000'], { TOKENCLI_HOME: home });
  const key = /tp_\w+/.exec(s.err())[0];
  const res = await fetch(`${s.url}/v1/purchases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'idempotency-key': 'bench', 'content-type': 'application/json' },
    body: '{"plan_id":"max","quantity":10}',
  });
  if (res.status !== 201) throw new Error(`purchase failed: ${res.status} ${await res.text()}`);
  return { ...s, key };
}

export const fakeUpstream = () => urlOf([new URL('./fake-upstream.mjs', import.meta.url).pathname]);
export const helloServer = () => urlOf([new URL('./hello-server.mjs', import.meta.url).pathname]);
