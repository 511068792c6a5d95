#!/usr/bin/env node
// The main journey on the embedded default, start to finish, with nothing but Node.js:
// start `tokencli serve` on a free port in a temporary directory, log in with the demo key it
// prints, look at the plans, buy the ¥1 pack, stream one piped prompt, check the balance and the
// ledger, then stop the server. Every step is the CLI's own command, run as a user would.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = new URL('../bin/tokencli.js', import.meta.url).pathname;
const home = mkdtempSync(join(tmpdir(), 'tokencli-journey-'));
const env = { ...process.env, TOKENCLI_HOME: home };
delete env.TOKENCLI_API_KEY;
delete env.TOKENCLI_API_URL;
delete env.TOKENCLI_PROFILE;

const server = spawn(process.execPath, [bin, 'serve', '--port', '0', '--demo-delay-ms', '15'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
let serverErr = '';
server.stderr.on('data', (d) => (serverErr += d));
const url = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    if (out.includes('\n')) resolve(out.split('\n')[0]);
  });
  server.once('exit', (code) => reject(new Error(`tokencli serve exited (${code}): ${serverErr}`)));
});
await new Promise((r) => setTimeout(r, 100));
const key = /tp_[0-9A-Za-z]+/.exec(serverErr)?.[0];
if (!key) throw new Error(`no demo key in the server's output: ${serverErr}`);

let failed = false;
function step(title, args, input) {
  process.stdout.write(`\n\x1b[1m$ ${input !== undefined ? `echo ${JSON.stringify(input.trim())} | ` : ''}tokencli ${args.join(' ')}\x1b[0m   # ${title}\n`);
  const r = spawnSync(process.execPath, [bin, ...args], { env, input: input ?? '', stdio: ['pipe', 'inherit', 'inherit'] });
  if (r.status !== 0) {
    failed = true;
    process.stdout.write(`\x1b[31m(exit ${r.status})\x1b[0m\n`);
  }
  return r.status;
}

try {
  console.log(`tokencli serve is listening on ${url} (data and config in ${home})`);
  step('store the demo key, verified first', ['login', '--with-token', '--api-url', url], key);
  step('who am I', ['auth', 'status']);
  step('the catalogue', ['plans']);
  step('buy the ¥1 pack', ['plan', 'purchase', 'starter', '--yes']);
  step('the models and their multipliers', ['models']);
  step('make demo-mini the default model', ['config', 'set', 'model', 'demo-mini']);
  step('stream a piped prompt', ['run', '--max-tokens', '40', '--usage', 'summarise this'], 'Prepaid LLM tokens, sold like mobile data.\n');
  step('what is left', ['balance']);
  step('a CI quota gate: at least 100,000 tokens', ['balance', '--min', '100000']);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(home, { recursive: true, force: true });
}
console.log(failed ? '\n\x1b[31mthe journey failed\x1b[0m' : '\n\x1b[32m✓ the journey works\x1b[0m');
process.exitCode = failed ? 1 : 0;
