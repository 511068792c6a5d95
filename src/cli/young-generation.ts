/**
 * Keeps V8's young generation at its first size for the rest of the process. V8 grows it (to
 * 16 MiB a semi-space, three of them) once enough bytes have survived its collections, which any
 * long stream of small objects does: a 10 MB answer then peaked at 105 MiB where 70 MiB do, and
 * memory grew with the answer. At a fixed size the collections are more frequent and as cheap
 * (what they copy is the few objects in flight): 0-2% more CPU on a long stream (30k tokens, perf
 * task-clock: 173 against 170 ms, and 182 against 183 in another run), none on a short one. Set
 * once a command that streams an answer starts its work, not at start-up, where the fixed size cost
 * ~7 ms of extra collections, and not for `serve`.
 */
import { setFlagsFromString } from 'node:v8';

const SMALL = '--semi-space-growth-factor=1';
/** V8's own default (Node 20 and 24). */
const DEFAULT = '--semi-space-growth-factor=2';

let small = false;

export function keepYoungGenerationSmall(): void {
  setFlagsFromString(SMALL);
  small = true;
}

/**
 * Runs `work` under V8's default flags. V8 stamps cached code with the flags it was made under and
 * refuses it under others (code-cache.ts), and a flag back at its default no longer counts.
 */
export function underDefaultFlags<T>(work: () => T): T {
  if (!small) return work();
  setFlagsFromString(DEFAULT);
  try {
    return work();
  } finally {
    setFlagsFromString(SMALL);
  }
}
