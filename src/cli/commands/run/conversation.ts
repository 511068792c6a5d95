/**
 * Conversations (`run -c`, `--cid ID`): the turns kept in the history are sent again before the new
 * prompt, the oldest dropped first (with a note) when they would not fit the model's context, and
 * each turn is saved beside its ledger row once it is recorded. Every turn is its own run: its own
 * row, its own cost.
 */
import { randomUUID } from 'node:crypto';
import { History, type FileInput, type Turn } from '../../../ledger/history.js';
import type { TurnWriter } from '../../../ledger/history-writer.js';
import type { Ledger } from '../../../ledger/ledger.js';
import type { ChatMessage, Model } from '../../../shared/wire.js';
import { countPromptTokens, loadTokenCounter } from '../../../tokens/estimate.js';
import { UsageError } from '../../errors.js';
import type { IOStreams } from '../../io/streams.js';
import { note, warn } from '../../io/messages.js';
import type { ConversationChoice } from '../../run-options.js';

export interface Conversation {
  id: string;
  earlier: Turn[];
}

/** The conversation this run belongs to: a new one, unless -c or --cid names one. */
export function openConversation(ledger: Ledger | undefined, profile: string, choice: ConversationChoice): Conversation {
  if (!ledger || (!choice.continueLast && choice.id === undefined)) return { id: choice.newId ?? randomUUID(), earlier: [] };
  const history = new History(ledger.db);
  const id = choice.id ?? history.latestConversation(profile);
  if (id === undefined) throw new UsageError('no conversation to continue: the history has none for this profile', 'start one with `tokencli run "..."` (with history on: `tokencli config set history on`)');
  const earlier = history.conversation(id);
  // The chat names its conversation before its first turn is kept: no turns yet is a start, not an error.
  if (earlier.length === 0 && choice.newId === id) return { id, earlier };
  if (earlier.length === 0) throw new UsageError(`no conversation "${id}" in the history`, 'see `tokencli logs` for conversation ids');
  return { id, earlier };
}

/**
 * The messages to send: the system prompt (this run's, else the conversation's first), the earlier
 * turns, then the new prompt. Older turns are dropped until the whole fits the model's context with
 * room for --max-tokens.
 */
export async function conversationMessages(io: IOStreams, c: Conversation, prompt: string, system: string | undefined, model: Model | undefined, maxTokens: number | undefined): Promise<ChatMessage[]> {
  const sys = system ?? c.earlier[0]?.system ?? undefined;
  const build = (turns: Turn[]): ChatMessage[] => [
    ...(sys ? [{ role: 'system' as const, content: sys }] : []),
    ...turns.flatMap((t) => [
      { role: 'user' as const, content: t.prompt },
      { role: 'assistant' as const, content: t.answer },
    ]),
    { role: 'user', content: prompt },
  ];
  let turns = c.earlier;
  if (turns.length === 0 || model?.context_length === undefined) return build(turns);
  const counter = await loadTokenCounter();
  const room = model.context_length - (maxTokens ?? 0);
  let dropped = 0;
  while (turns.length > 0 && countPromptTokens(build(turns), counter) > room) {
    turns = turns.slice(1);
    dropped++;
  }
  if (dropped > 0) note(io, false, `dropped the ${dropped} oldest turn${dropped === 1 ? '' : 's'} of the conversation to fit ${model.id}'s context`);
  return build(turns);
}

/**
 * Writes the rest of a run's history entry (its parts are written as the answer streams in: see
 * TurnWriter). A failure here costs the history, never the run's record.
 */
export function finishTurn(io: IOStreams, writer: TurnWriter): void {
  try {
    writer.finish();
  } catch (e) {
    const kept = writer.written > 0 ? `kept only the first ${writer.written} bytes of this run's answer` : "could not keep this run's prompt and answer";
    warn(io, `the history ${kept} (${(e as Error).message}); its counts are recorded`);
  }
}

/** The history's entry for a run, written as its answer arrives: undefined with history off. */
export function turnWriter(ledger: Ledger | undefined, keepHistory: boolean, turn: { runId: string; conversationId: string; system: string | undefined; prompt: string; files: FileInput[] }): TurnWriter | undefined {
  if (!ledger || !keepHistory) return undefined;
  return new History(ledger.db).writer({ run_id: turn.runId, conversation_id: turn.conversationId, system: turn.system ?? null, prompt: turn.prompt, files: turn.files });
}
