// Measuring one command: wall time to its first matching stdout byte and to its exit, CPU time and
// peak RSS (through /usr/bin/time when the machine has it), and its stdout for byte-for-byte checks.
// Cases and their baselines are run interleaved so that a busy moment of the machine hits both.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const scratch = mkdtempSync(join(tmpdir(), 'tokencli-bench-time-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
let serial = 0;

/**
 * Runs `cmd args`; resolves with { first, total, cpu, rss, out, code }: ms to the first stdout text
 * matching `first`, ms to exit, CPU ms (user + system), peak RSS in MiB.
 */
export function timed(cmd, args, { env = {}, first = /\S/, keep = true, okCodes = [0] } = {}) {
  return new Promise((resolve, reject) => {
    const stats = join(scratch, `t${serial++}`);
    const [file, argv] = TIME ? [TIME, ['-q', '-o', stats, '-f', '%U %S %M', cmd, ...args]] : [cmd, args];
    const t0 = performance.now();
    let firstAt;
    let seen = '';
    const parts = [];
    const child = spawn(file, argv, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.on('data', (d) => {
      if (keep) parts.push(d);
      if (firstAt === undefined) {
        seen += d;
        if (first.test(seen)) firstAt = performance.now() - t0;
        else if (seen.length > 65_536) seen = seen.slice(-4096);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const total = performance.now() - t0;
      if (!okCodes.includes(code)) return reject(new Error(`${cmd} ${args.join(' ').slice(0, 120)} exited ${code}`));
      let cpu = NaN;
      let rss = NaN;
      if (TIME) {
        const [user, sys, kb] = readFileSync(stats, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
        cpu = (user + sys) * 1000;
        rss = kb / 1024;
      }
      resolve({ first: firstAt ?? NaN, total, cpu, rss, code, out: Buffer.concat(parts).toString() });
    });
  });
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs each named function `n` times, interleaved; resolves with each one's medians and last output. */
export async function interleave(n, fns) {
  const runs = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let i = 0; i < n; i++) for (const [k, fn] of Object.entries(fns)) runs[k].push(await fn());
  return Object.fromEntries(
    Object.entries(runs).map(([k, rs]) => [
      k,
      { first: median(rs.map((r) => r.first)), total: median(rs.map((r) => r.total)), cpu: median(rs.map((r) => r.cpu)), rss: median(rs.map((r) => r.rss)), out: rs.at(-1).out },
    ]),
  );
}
