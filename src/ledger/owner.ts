/**
 * Whether the process that owns a pending row or a journal claim is still running. A pid alone is
 * not enough: pids are reused, and tokencli as PID 1 of a container looks alive forever from the
 * ledger's next reader. Where the system says when a process started (Linux /proc), the owner is
 * the pid and that start time, and both must match.
 */
import { readFileSync } from 'node:fs';

/** The start time of a process in clock ticks since boot (Linux), or undefined where unknown. */
export function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces and parentheses): the 20th is starttime.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

export function isAlive(pid: number | null, started?: string | null): boolean {
  if (!pid || !Number.isInteger(pid)) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    // EPERM: it exists, it is just not ours to signal.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (!started) return true;
  const now = processStart(pid);
  return now === undefined || now === started;
}
