/**
 * The signals a user or CI sends to a running command (Ctrl-C, SIGTERM from `timeout` or a cancelled
 * job, SIGHUP from a closed terminal) turned into an AbortSignal, so the command can stop its
 * request, record the partial run and exit 128+n itself.
 *
 * The listeners stay attached (`on`, not `once`) for as long as the trap is set. ora's cursor
 * restorer (signal-exit) re-raises a signal whenever it finds itself the only listener; with a
 * `once` listener, which Node removes before calling, it found itself alone on the first Ctrl-C and
 * killed the process before the run was recorded. A second Ctrl-C exits at once: the run's
 * write-ahead row is already in the ledger and is resolved later.
 */
import { constants } from 'node:os';

export const TRAPPED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type TrappedSignal = (typeof TRAPPED_SIGNALS)[number];

export interface SignalTrap {
  /** Aborts on the first trapped signal, with the signal's name as the reason. */
  signal: AbortSignal;
  release(): void;
}

/** The exit code of a process that stopped because of `sig`: 128 + its number (130 for SIGINT). */
export const exitCodeFor = (sig: TrappedSignal) => 128 + constants.signals[sig];

export function trapSignals(proc: NodeJS.Process = process): SignalTrap {
  const controller = new AbortController();
  const handlers = TRAPPED_SIGNALS.map((sig) => {
    const handler = () => {
      if (!controller.signal.aborted) return controller.abort(sig);
      // A second signal: the user means it. The pending row stays for later resolution.
      proc.exit(exitCodeFor(sig));
    };
    proc.on(sig, handler);
    return [sig, handler] as const;
  });
  return {
    signal: controller.signal,
    release: () => {
      for (const [sig, handler] of handlers) proc.off(sig, handler);
    },
  };
}
