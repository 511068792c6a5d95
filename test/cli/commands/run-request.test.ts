/**
 * sendPrompt writes the answer once per network read, not once per token: every byte still reaches
 * stdout, in order; a read's text leaves before the next read is waited for, also when several reads
 * come in one event-loop turn.
 */
import { describe, expect, test } from 'vitest';
import type { TokenClient } from '../../../src/client/client.js';
import type { ChatChunk } from '../../../src/shared/wire.js';
import { sendPrompt } from '../../../src/cli/commands/run/request.js';
import { AnswerText } from '../../../src/cli/commands/run/answer-text.js';
import { testIO } from '../../../src/cli/io/streams.js';

const piece = (content: string, finish: string | null = null): ChatChunk => ({ choices: [{ delta: { content }, finish_reason: finish }] });

/**
 * A client whose stream yields the given reads, each group of reads in a turn of its own (as network
 * reads arrive), recording what stdout held when each group was asked for.
 */
function scriptedClient(turns: ChatChunk[][][], seen: () => string, atTurn: string[]): TokenClient {
  return {
    chat: {
      streamBatches: async () =>
        (async function* () {
          for (const reads of turns) {
            await new Promise((r) => setTimeout(r, 1));
            atTurn.push(seen());
            yield* reads;
          }
        })(),
    },
  } as unknown as TokenClient;
}

describe('sendPrompt', () => {
  test('one write per read, every byte in order, nothing held back for a later read', async () => {
    const { io, stdout } = testIO();
    const writes: string[] = [];
    const out = io.out;
    const counting = { ...io, out: (s: string) => (writes.push(s), out(s)) };
    const turns = [[[piece('Hel'), piece('lo')], [piece(',')]], [[piece(' wor')]], [[piece('ld')], [piece('!', 'stop'), { choices: [], usage: { prompt_tokens: 1, completion_tokens: 6 } }]]];
    const atTurn: string[] = [];
    const kept: string[] = [];
    const plan = { runId: 'r', model: 'm', messages: [{ role: 'user' as const, content: 'x' }], stream: true, print: true, raw: false, text: new AnswerText(true, (t) => kept.push(t)) };
    const answer = await sendPrompt(counting, scriptedClient(turns, stdout, atTurn), plan, new AbortController().signal);
    expect(stdout()).toBe('Hello, world!\n');
    expect(writes).toEqual(['Hello', ',', ' wor', 'ld', '!', '\n']);
    expect(atTurn).toEqual(['', 'Hello,', 'Hello, wor']);
    expect(answer).toMatchObject({ finishReason: 'stop', usage: { prompt_tokens: 1, completion_tokens: 6 } });
    expect(answer.text.content).toBe('Hello, world!');
    // The history's writer gets each read's text once, as it arrives.
    expect(kept).toEqual(['Hello', ',', ' wor', 'ld', '!']);
  });

  test('a character split between two reads leaves whole, to stdout and to the history', async () => {
    const { io, stdout } = testIO();
    const writes: string[] = [];
    const out = io.out;
    const counting = { ...io, out: (s: string) => (writes.push(s), out(s)) };
    // 🙂 is two UTF-16 units: the first ends one read, the second begins the next.
    const [high, low] = ['🙂'.charAt(0), '🙂'.charAt(1)];
    const turns = [[[piece(`ok ${high}`)]], [[piece(`${low} done`, 'stop')]]];
    const kept: string[] = [];
    const plan = { runId: 'r', model: 'm', messages: [{ role: 'user' as const, content: 'x' }], stream: true, print: true, raw: false, text: new AnswerText(true, (t) => kept.push(t)) };
    await sendPrompt(counting, scriptedClient(turns, stdout, []), plan, new AbortController().signal);
    expect(writes).toEqual(['ok ', '🙂 done', '\n']);
    expect(kept).toEqual(['ok ', '🙂 done']);
  });

  test('a first half that never gets its second leaves as it came, at the end', async () => {
    const { io, stdout } = testIO();
    const high = '🙂'.charAt(0);
    const kept: string[] = [];
    const plan = { runId: 'r', model: 'm', messages: [{ role: 'user' as const, content: 'x' }], stream: true, print: true, raw: false, text: new AnswerText(true, (t) => kept.push(t)) };
    const answer = await sendPrompt(io, scriptedClient([[[piece(`cut ${high}`, 'stop')]]], stdout, []), plan, new AbortController().signal);
    expect(kept).toEqual(['cut ', high]);
    expect(answer.text.content).toBe(`cut ${high}`);
  });
});
