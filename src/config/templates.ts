/**
 * Prompt templates (`template set review --system ... --prompt '$input'`), one YAML file each in the
 * config directory's `templates/`, as llm keeps them: plain files a person may edit. A template
 * holds a system prompt, a prompt with `$input` and `$name` parameters, and defaults for the model
 * and its settings.
 *
 * The YAML parser (about 260 KB of JavaScript) is loaded when a store is opened, so a command that
 * only fills a template's prompt, or uses none, never loads it.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expectRecord, LocalFileError } from './json-file.js';

export interface Template {
  system?: string;
  prompt?: string;
  model?: string;
  max_tokens?: number;
  temperature?: number;
  /** Values for `$name` parameters that `-p name=value` may override. */
  defaults?: Record<string, string>;
}

export const TEMPLATE_NAME = /^[\w.-]+$/;

const HINT = 'fix the file, or write it again with `tokencli template set NAME ...`';

function parseTemplate(raw: unknown, path: string): Template {
  const t = expectRecord(raw, path, 'the file', HINT);
  const text = (k: string) => {
    if (t[k] !== undefined && typeof t[k] !== 'string') throw new LocalFileError(path, `${k} must be text (found ${describe(t[k])})`, HINT);
  };
  ['system', 'prompt', 'model'].forEach(text);
  if (t.max_tokens !== undefined && !(Number.isInteger(t.max_tokens) && (t.max_tokens as number) > 0)) throw new LocalFileError(path, `max_tokens must be a positive whole number (found ${describe(t.max_tokens)})`, HINT);
  if (t.temperature !== undefined && !(typeof t.temperature === 'number' && t.temperature >= 0 && t.temperature <= 2)) throw new LocalFileError(path, `temperature must be between 0 and 2 (found ${describe(t.temperature)})`, HINT);
  if (t.defaults !== undefined) {
    for (const [k, v] of Object.entries(expectRecord(t.defaults, path, 'defaults', HINT))) {
      if (typeof v !== 'string') throw new LocalFileError(path, `defaults.${k} must be text (found ${describe(v)})`, HINT);
    }
  }
  return t as Template;
}

type Yaml = Pick<typeof import('yaml'), 'parse' | 'stringify'>;

export class TemplateStore {
  private constructor(
    private readonly dir: string,
    private readonly yaml: Yaml,
  ) {}

  /** The templates of a config directory. */
  static async open(configDir: string): Promise<TemplateStore> {
    return new TemplateStore(join(configDir, 'templates'), (await import('yaml')).default);
  }

  private path(name: string): string {
    return join(this.dir, `${name}.yaml`);
  }

  names(): string[] {
    try {
      return readdirSync(this.dir).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -'.yaml'.length)).sort();
    } catch {
      return [];
    }
  }

  get(name: string): Template | undefined {
    let text: string;
    try {
      text = readFileSync(this.path(name), 'utf8');
    } catch {
      return undefined;
    }
    let raw: unknown;
    try {
      raw = this.yaml.parse(text);
    } catch (e) {
      throw new LocalFileError(this.path(name), `is not valid YAML (${(e as Error).message.split('\n')[0]})`, HINT);
    }
    return parseTemplate(raw, this.path(name));
  }

  set(name: string, t: Template): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    writeFileSync(this.path(name), this.yaml.stringify(t), { mode: 0o600 });
  }

  remove(name: string): boolean {
    const existed = this.names().includes(name);
    rmSync(this.path(name), { force: true });
    return existed;
  }
}

/** The template's prompt with `$input` and `$name` filled; the names it needs that nobody gave. */
export function fillTemplate(t: Template, input: string, params: Record<string, string>): { prompt: string; missing: string[] } {
  if (t.prompt === undefined) return { prompt: input, missing: [] };
  const values = { ...t.defaults, ...params, input };
  const missing: string[] = [];
  const prompt = t.prompt.replace(/\$(\w+)|\$\{(\w+)\}/g, (whole, a: string | undefined, b: string | undefined) => {
    const name = (a ?? b)!;
    if (name in values) return values[name as keyof typeof values]!;
    missing.push(name);
    return whole;
  });
  return { prompt, missing: [...new Set(missing)] };
}
