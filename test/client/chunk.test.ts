/**
 * chunkProblem, the hand-written check of streamed chunks, accepts exactly what ChatChunkSchema (the
 * zod definition in shared/wire.ts) accepts, on chunks with every field valid, missing, null or of a
 * wrong kind, and names the field it refuses.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { chunkProblem } from '../../src/client/chunk.js';
import { ChatChunkSchema } from '../../src/shared/wire.js';

/** A field's value: usually plausible, sometimes missing, null or of another kind. */
const field = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: good }, fc.constant(undefined), fc.constant(null), fc.constantFrom<unknown>('x', -1, 1.5, 2 ** 60, true, [], {}));
const count = fc.oneof(fc.nat(), fc.constantFrom(-1, 0.5, Number.MAX_SAFE_INTEGER + 2, '3'));
const usage = fc.record(
  { prompt_tokens: count, completion_tokens: count, total_tokens: count, billing: field(fc.record({ billed_tokens: count, tokens_remaining: count }, { requiredKeys: [] })) },
  { requiredKeys: [] },
);
const choice = fc.record({ delta: field(fc.record({ content: field(fc.string()), role: field(fc.string()) }, { requiredKeys: [] })), finish_reason: field(fc.string()), index: field(fc.nat()) }, { requiredKeys: [] });
const chunk = fc.record({ id: field(fc.string()), model: field(fc.string()), choices: field(fc.array(field(choice), { maxLength: 3 })), usage: field(usage), problem: field(fc.string()) }, { requiredKeys: [] });

describe('chunkProblem', () => {
  test('accepts and refuses what ChatChunkSchema does', () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 9, arbitrary: chunk }, fc.constantFrom<unknown>(null, [], 'x', 5)), (value) => {
        const json = JSON.parse(JSON.stringify(value ?? null)) as unknown;
        const problem = chunkProblem(json);
        const zod = ChatChunkSchema.safeParse(json);
        expect(problem === undefined ? 'ok' : 'refused').toBe(zod.success ? 'ok' : 'refused');
        if (!zod.success && problem) expect(problem.split(':')[0]).toBe(zod.error.issues[0]!.path.map(String).join('.') || '(root)');
      }),
      { numRuns: 2000 },
    );
  });
});
