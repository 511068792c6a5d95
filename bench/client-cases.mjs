// The client side of the bench: start-up, time to first token, short runs, long streams, peak RSS
// and hard budgets, each against its baseline in the same run. Every stream is checked byte for byte
// against the text curl received, so a faster path cannot drop or reorder a token.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interleave, timed } from './measure.mjs';
import { fakeUpstream, tokenServer } from './servers.mjs';

const here = (f) => new URL(f, import.meta.url).pathname;
const N = Number(process.env.BENCH_REPEAT ?? 7);

/** The text of an event stream, as a client should print it. */
function contentOf(sse) {
  let text = '';
  for (const line of sse.split('\n')) {
    if (!line.startsWith('data: {')) continue;
    for (const c of JSON.parse(line.slice(6)).choices ?? []) text += c.delta?.content ?? '';
  }
  return text;
}

function sameText(name, printed, expected) {
  if (printed.replace(/\n$/, '') !== expected) throw new Error(`${name} printed ${printed.length} chars that differ from the ${expected.length} the server sent`);
}

export async function clientCases(bin, row) {
  // Every case takes the options of its pass (see interleave): { cpuOnly: true } in a CPU pass.
  const node = (o) => timed(process.execPath, ['-e', '0'], o);
  const home = mkdtempSync(join(tmpdir(), 'tokencli-bench-home-'));
  const server = await tokenServer(bin, mkdtempSync(join(tmpdir(), 'tokencli-bench-serve-')));
  const env = { TOKENCLI_HOME: home, TOKENCLI_API_URL: server.url, TOKENCLI_API_KEY: server.key };
  const cli = (...args) => (o) => timed(process.execPath, [bin, ...args], { env, ...o });
  try {
    // Start-up. `balance --offline` needs a balance seen before.
    execFileSync(process.execPath, [bin, 'balance', '--json'], { env: { ...process.env, ...env }, stdio: 'ignore' });
    // Each command's first start writes its code cache (src/cli/code-cache.ts): one start in N + 4.
    const uncached = (o) => timed(process.execPath, [bin, 'budget', 'status', '--json'], { env: { ...env, TOKENCLI_NO_CODE_CACHE: '1' }, ...o });
    const startUps = { node, help: cli('--help'), status: cli('budget', 'status', '--json'), offline: cli('balance', '--offline', '--json') };
    const s = await interleave(N + 4, { ...startUps, uncached });
    const sCpu = await interleave(N + 4, startUps, { cpuOnly: true });
    row('start-up: --help', s.help.total, s.node.total, 'node -e 0', { max: 1.4 });
    row('start-up: budget status --json', s.status.total, s.node.total, 'node -e 0', { max: 1.4 });
    row('start-up: balance --offline --json', s.offline.total, s.node.total, 'node -e 0', { max: 1.4 });
    row('  --help: CPU', sCpu.help.cpu, sCpu.node.cpu, 'node -e 0', {});
    row('  budget status --json: CPU', sCpu.status.cpu, sCpu.node.cpu, 'node -e 0', {});
    row('  balance --offline --json: CPU', sCpu.offline.cpu, sCpu.node.cpu, 'node -e 0', {});
    row('  budget status --json without the code cache', s.uncached.total, s.node.total, 'node -e 0', {});
    // Node reads the file NODE_EXTRA_CA_CERTS names at every start (here most of `node -e 0`), which
    // makes every ratio against node -e 0 smaller than on a machine without it: the same, reported.
    if (process.env.NODE_EXTRA_CA_CERTS) {
      const bare = { ...env, NODE_EXTRA_CA_CERTS: '' };
      const b = await interleave(N + 4, {
        node: () => timed(process.execPath, ['-e', '0'], { env: { NODE_EXTRA_CA_CERTS: '' } }),
        help: () => timed(process.execPath, [bin, '--help'], { env: bare }),
        status: () => timed(process.execPath, [bin, 'budget', 'status', '--json'], { env: bare }),
      });
      row('  --help, without NODE_EXTRA_CA_CERTS', b.help.total, b.node.total, 'node -e 0, the same', {});
      row('  budget status --json, without NODE_EXTRA_CA_CERTS', b.status.total, b.node.total, 'node -e 0, the same', {});
    }

    // One token: time to it, and the whole process.
    const body = (max) => JSON.stringify({ model: 'demo-pro', messages: [{ role: 'user', content: 'bench' }], max_tokens: max, stream: true, stream_options: { include_usage: true } });
    const curl = (max) => (o) => timed('curl', ['-sN', `${server.url}/v1/chat/completions`, '-H', `authorization: Bearer ${server.key}`, '-H', 'content-type: application/json', '-d', body(max)], { first: /"content":"[^"]/, ...o });
    const peer = (script, max) => (o) => timed(process.execPath, [here(script), server.url, server.key, 'demo-pro', String(max), 'bench'], o);
    const run = (max, e = env) => (o) => timed(process.execPath, [bin, 'run', '-m', 'demo-pro', '--max-tokens', String(max), 'bench'], { env: e, ...o });
    // Twice the runs of the other rows: a median of 7 moved between 1.30x and 1.33x from one bench to
    // the next, more than the distance to its target.
    const one = await interleave(2 * N, { node, curl: curl(1), minimal: peer('minimal-client.mjs', 1), sdk: peer('sdk-client.mjs', 1), cli: run(1) });
    row('time to first token (run --max-tokens 1)', one.cli.first, one.minimal.first, 'minimal node:http client', { max: 1.3 });
    row('  the same, against curl -sN', one.cli.first, one.curl.first, 'curl -sN', {});
    row('  the same, openai SDK against curl -sN', one.sdk.first, one.curl.first, 'curl -sN', {}, 'peer');
    row('whole run --max-tokens 1', one.cli.total, one.node.total + one.curl.total, 'node -e 0 + curl', { max: 1.5 });
    row('  the same, openai SDK', one.sdk.total, one.node.total + one.curl.total, 'node -e 0 + curl', {}, 'peer');

    // 30,000 tokens to a pipe.
    const streams = { curl: curl(30_000), minimal: peer('minimal-client.mjs', 30_000), cli: run(30_000) };
    const long = await interleave(N, { ...streams, sdk: peer('sdk-client.mjs', 30_000) });
    const longCpu = await interleave(N, streams, { cpuOnly: true });
    const text = contentOf(long.curl.out);
    for (const k of ['minimal', 'sdk', 'cli']) sameText(k, long[k].out, text);
    for (const k of ['minimal', 'cli']) sameText(`${k} (CPU pass)`, longCpu[k].out, text);
    row('30k-token stream: wall', long.cli.total, long.curl.total, 'curl -sN', { max: 1.8 });
    row('30k-token stream: CPU', longCpu.cli.cpu, longCpu.curl.cpu, 'curl -sN', { max: 4 });
    row('  minimal client: wall', long.minimal.total, long.curl.total, 'curl -sN', {}, 'peer');
    // The floor of CPU for any Node client: JSON.parse of every event and Node's own start.
    row('  minimal client: CPU', longCpu.minimal.cpu, longCpu.curl.cpu, 'curl -sN', {}, 'peer');
    row('  openai SDK: wall', long.sdk.total, long.curl.total, 'curl -sN', {}, 'peer');

    // Peak RSS: 30k tokens from the demo server, 10 MB from the bench upstream.
    const upstream = await fakeUpstream();
    try {
      const upEnv = { ...env, TOKENCLI_API_URL: upstream.url };
      const tenMb = 1_800_000; // pieces of ~5.6 bytes: about 10 MB
      const big = await interleave(3, { node, cli: (o) => timed(process.execPath, [bin, 'run', '-m', 'big', '--max-tokens', String(tenMb), 'bench'], { env: upEnv, ...o }) });
      const expected = await (await fetch(`${upstream.url}/v1/chat/completions`, { method: 'POST', body: body(tenMb) })).text();
      sameText('cli (10 MB)', big.cli.out, contentOf(expected));
      row('peak RSS: 30k-token stream', long.cli.rss, big.node.rss, 'node -e 0', { max: 2 }, 'MiB');
      row(`peak RSS: ${(big.cli.out.length / 1e6).toFixed(1)} MB answer`, big.cli.rss, big.node.rss, 'node -e 0', { max: 2 }, 'MiB');
      row('  flat: 10 MB answer against 30k tokens', big.cli.rss, long.cli.rss, '30k-token stream', { max: 1.1 }, 'MiB');
    } finally {
      upstream.stop();
    }

    // A hard budget far from its limit must cost (almost) nothing.
    const hardHome = mkdtempSync(join(tmpdir(), 'tokencli-bench-hard-'));
    const hardEnv = { ...env, TOKENCLI_HOME: hardHome };
    execFileSync(process.execPath, [bin, 'budget', 'set', '--period', 'day', '--tokens', '1000000000', '--hard'], { env: { ...process.env, ...hardEnv }, stdio: 'ignore' });
    const hard = await interleave(N, { plain: run(1), hard: run(1, hardEnv) });
    row('run with a hard budget (far from its limit)', hard.hard.total, hard.plain.total, 'the same run without', { max: 1.2 });

    // The history (issue 17) must not slow a run down: content logging on (the default) against off.
    const offHome = mkdtempSync(join(tmpdir(), 'tokencli-bench-nohistory-'));
    const offEnv = { ...env, TOKENCLI_HOME: offHome };
    execFileSync(process.execPath, [bin, 'config', 'set', 'history', 'off'], { env: { ...process.env, ...offEnv }, stdio: 'ignore' });
    const onOff = { on: run(1000), off: run(1000, offEnv) };
    const hist = await interleave(N, onOff);
    const histCpu = await interleave(N, onOff, { cpuOnly: true });
    sameText('cli (history off)', hist.off.out, hist.on.out.replace(/\n$/, ''));
    row('run --max-tokens 1000, history on (default) vs off', hist.on.total, hist.off.total, 'the same run, history off', { max: 1.1 });
    row('  its CPU', histCpu.on.cpu, histCpu.off.cpu, 'the same run, history off', {});
  } finally {
    server.stop();
  }
}
