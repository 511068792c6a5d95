/**
 * Milliseconds on a clock that only moves forward, for durations. Not `performance.now()`: the
 * first use of the global `performance` loads Node's perf_hooks (about a millisecond of a
 * command's start-up).
 */
export const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;
