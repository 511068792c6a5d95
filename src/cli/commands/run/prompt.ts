/**
 * Prompt assembly, after llm: piped stdin first, then `--file` contents, then the arguments, joined
 * by a blank line, so `git diff | tokencli run "review this"` reads as context then instruction.
 * A file must be a regular text file of at most MAX_FILE_BYTES (`-f /dev/zero` once ate all memory);
 * `-f -` is stdin.
 */
import { createHash } from 'node:crypto';
import type { FileInput } from '../../../ledger/history.js';
import { UsageError } from '../../errors.js';
import type { IOStreams } from '../../io/streams.js';

export interface PromptParts {
  args: string[];
  files: string[];
  /** False for `-n`: leave stdin to whoever else reads it (a `while read` loop). */
  readStdin?: boolean;
  /** A template with its own prompt may be run with no input at all. */
  allowEmpty?: boolean;
}

export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface AssembledPrompt {
  text: string;
  /** Each --file by name and hash, for the history. */
  files: FileInput[];
}

export async function assemblePrompt(io: IOStreams, parts: PromptParts): Promise<AssembledPrompt> {
  const stdinAsFile = parts.files.includes('-');
  if (stdinAsFile && parts.readStdin === false) throw new UsageError('-f - reads stdin, and -n says not to');
  const piped = io.isStdinTTY || stdinAsFile || parts.readStdin === false ? '' : (await io.readStdin()).trimEnd();
  const files: string[] = [];
  const inputs: FileInput[] = [];
  for (const path of parts.files) {
    const content = path === '-' ? await io.readStdin() : await readTextFile(path);
    files.push(`${path === '-' ? 'stdin' : path}:\n${content.trimEnd()}`);
    inputs.push({ path, sha256: createHash('sha256').update(content).digest('hex'), bytes: Buffer.byteLength(content) });
  }
  const prompt = [piped, ...files, parts.args.join(' ').trim()].filter(Boolean).join('\n\n');
  if (!prompt && !parts.allowEmpty) {
    throw new UsageError('no prompt: pass it as an argument or pipe it on stdin', 'e.g. tokencli run "explain this" or git diff | tokencli run "review this"');
  }
  return { text: prompt, files: inputs };
}

const ERRNO: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'it is a directory', ELOOP: 'too many symbolic links' };

async function readTextFile(path: string): Promise<string> {
  const fail = (why: string, hint?: string) => new UsageError(`cannot use --file ${path}: ${why}`, hint);
  // Loaded by the first -f, not with the module: most runs read no file.
  const { open, stat } = await import('node:fs/promises');
  let handle;
  try {
    // Looked at before it is opened: opening a FIFO blocks until a writer comes.
    if (!(await stat(path)).isFile()) throw fail('not a regular file', 'pipe it instead: tokencli run "..." < FILE, or -f - for stdin');
    handle = await open(path, 'r');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw fail(ERRNO[code] ?? (e as Error).message);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw fail('not a regular file', 'pipe it instead: tokencli run "..." < FILE, or -f - for stdin');
    if (stat.size > MAX_FILE_BYTES) throw fail(`${stat.size} bytes, more than the ${MAX_FILE_BYTES / 1024 / 1024} MiB a --file may hold`);
    const bytes = await handle.readFile();
    if (bytes.includes(0)) throw fail('it looks binary (it contains NUL bytes)', 'only text files can be sent as context');
    return bytes.toString('utf8');
  } finally {
    await handle.close();
  }
}
