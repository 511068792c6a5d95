/**
 * Prompt assembly, after llm: piped stdin first, then `--file` contents, then the arguments, joined
 * by a blank line, so `git diff | tokencli run "review this"` reads as context then instruction.
 */
import { readFile } from 'node:fs/promises';
import type { ChatMessage } from '../../../shared/wire.js';
import { UsageError } from '../../errors.js';
import type { IOStreams } from '../../io/streams.js';

export interface PromptParts {
  args: string[];
  files: string[];
  system?: string;
}

export async function assemblePrompt(io: IOStreams, parts: PromptParts): Promise<string> {
  const piped = io.isStdinTTY ? '' : (await io.readStdin()).trimEnd();
  const files = await Promise.all(
    parts.files.map(async (path) => {
      try {
        return `${path}:\n${(await readFile(path, 'utf8')).trimEnd()}`;
      } catch (e) {
        throw new UsageError(`cannot read --file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
    }),
  );
  const prompt = [piped, ...files, parts.args.join(' ').trim()].filter(Boolean).join('\n\n');
  if (!prompt) {
    throw new UsageError('no prompt: pass it as an argument or pipe it on stdin', 'e.g. tokencli run "explain this" or git diff | tokencli run "review this"');
  }
  return prompt;
}

export function messagesFor(prompt: string, system: string | undefined): ChatMessage[] {
  return [...(system ? [{ role: 'system' as const, content: system }] : []), { role: 'user', content: prompt }];
}
