/**
 * sendPrompt writes the answer once per network read, not once per token: every byte still reaches
 * stdout, in order, and each read's text leaves before the next read is waited for.
 */
import { describe, expect, test } from 'vitest';
import type { TokenClient } from '../../../src/client/client.js';
import type { ChatChunk } from '../../../src/shared/wire.js';
import { sendPrompt } from '../../../src/cli/commands/run/request.js';
import { testIO } from '../../../src/cli/io/streams.js';

const piece = (content: string, finish: string | null = null): ChatChunk => ({ choices: [{ delta: { content }, finish_reason: finish }] });

/** A client whose stream yields the given reads, recording what stdout held when each read was asked for. */
function scriptedClient(reads: ChatChunk[][], seen: () => string, atRead: string[]): TokenClient {
  return {
    chat: {
      streamBatches: async () =>
        (async function* () {
          for (const read of reads) {
            atRead.push(seen());
            yield read;
          }
        })(),
    },
  } as unknown as TokenClient;
}

describe('sendPrompt', () => {
  test('one write per read, every byte in order, nothing held back across reads', async () => {
    const { io, stdout } = testIO();
    const writes: string[] = [];
    const out = io.out;
    const counting = { ...io, out: (s: string) => (writes.push(s), out(s)) };
    const reads = [[piece('Hel'), piece('lo'), piece(',')], [piece(' wor')], [piece('ld'), piece('!', 'stop'), { choices: [], usage: { prompt_tokens: 1, completion_tokens: 6 } }]];
    const atRead: string[] = [];
    const plan = { runId: 'r', model: 'm', messages: [{ role: 'user' as const, content: 'x' }], stream: true, print: true, raw: false };
    const answer = await sendPrompt(counting, scriptedClient(reads, stdout, atRead), plan, new AbortController().signal);
    expect(stdout()).toBe('Hello, world!\n');
    expect(writes).toEqual(['Hello,', ' wor', 'ld!', '\n']);
    expect(atRead).toEqual(['', 'Hello,', 'Hello, wor']);
    expect(answer).toMatchObject({ content: 'Hello, world!', finishReason: 'stop', usage: { prompt_tokens: 1, completion_tokens: 6 } });
  });
});
