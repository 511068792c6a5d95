// Measuring one command: wall time to its first matching stdout byte and to its exit, CPU time and
// peak RSS (through /usr/bin/time when the machine has it), and its stdout for byte-for-byte checks.
// Cases and their baselines are run interleaved so that a busy moment of the machine hits both.
//
// CPU rows come from a pass of their own under `perf stat -e task-clock` where perf works: GNU
// time prints user and system time each cut down to 10 ms (a 47 ms curl showed as 40 or 30), which
// made every ratio against a small baseline too large; task-clock counts every thread to the
// microsecond. perf adds ~8 ms of its own start to the wall time, so times come from the other pass.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const PERF = (() => {
  try {
    execFileSync('perf', ['stat', '-x,', '-e', 'task-clock', '-o', '/dev/null', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false; // not installed, or perf_event_paranoid forbids it
  }
})();
/** How CPU rows were measured, for the results' header. */
export const CPU_CLOCK = PERF ? 'perf stat task-clock (all threads)' : TIME ? '/usr/bin/time, user + system in 10 ms steps' : 'not measured';
const scratch = mkdtempSync(join(tmpdir(), 'tokencli-bench-time-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
let serial = 0;

/**
 * Runs `cmd args`; resolves with { first, total, cpu, rss, out, code }: ms to the first stdout text
 * matching `first`, ms to exit, CPU ms (user + system), peak RSS in MiB. With `cpuOnly` (see
 * interleave) it is measured for its CPU alone, exactly where perf can, and times are NaN.
 */
export function timed(cmd, args, { env = {}, first = /\S/, keep = true, okCodes = [0], cpuOnly = false } = {}) {
  return new Promise((resolve, reject) => {
    const stats = join(scratch, `t${serial++}`);
    const exact = cpuOnly && PERF;
    const [file, argv] = exact
      ? ['perf', ['stat', '-x,', '-e', 'task-clock', '-o', stats, '--', cmd, ...args]]
      : TIME
        ? [TIME, ['-q', '-o', stats, '-f', '%U %S %M', cmd, ...args]]
        : [cmd, args];
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
      if (exact) {
        cpu = Number(/^([\d.]+),msec,task-clock/m.exec(readFileSync(stats, 'utf8'))[1]);
      } else if (TIME) {
        const [user, sys, kb] = readFileSync(stats, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
        cpu = (user + sys) * 1000;
        rss = kb / 1024;
      }
      const times = cpuOnly ? { first: NaN, total: NaN, rss: NaN } : { first: firstAt ?? NaN, total, rss };
      resolve({ ...times, cpu, code, out: Buffer.concat(parts).toString() });
    });
  });
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Runs each named function `n` times, interleaved; resolves with each one's medians and last output.
 * Each is called with `options`, which it passes on to timed(): { cpuOnly: true } for a CPU pass.
 */
export async function interleave(n, fns, options = {}) {
  const runs = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (let i = 0; i < n; i++) for (const [k, fn] of Object.entries(fns)) runs[k].push(await fn(options));
  return Object.fromEntries(
    Object.entries(runs).map(([k, rs]) => [
      k,
      { first: median(rs.map((r) => r.first)), total: median(rs.map((r) => r.total)), cpu: median(rs.map((r) => r.cpu)), rss: median(rs.map((r) => r.rss)), out: rs.at(-1).out },
    ]),
  );
}
