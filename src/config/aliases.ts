/** Model aliases (`alias set fast demo-mini`), in `aliases.json` in the config directory: a plain file a person may edit. */
import { join } from 'node:path';
import { describe, expectRecord, expectString, JsonFile } from './json-file.js';

interface AliasesFile {
  aliases: Record<string, string>;
}

const HINT = 'fix the file, or set the alias again with `tokencli alias set NAME MODEL`';

function parseAliases(raw: unknown, path: string): AliasesFile {
  const root = expectRecord(raw, path, 'the file', HINT);
  const aliases = expectRecord(root.aliases === undefined ? {} : root.aliases, path, 'aliases', HINT);
  for (const [name, model] of Object.entries(aliases)) expectString(model, path, `aliases.${name} (found ${describe(model)})`, HINT);
  return { aliases: aliases as Record<string, string> };
}

export class AliasStore {
  private readonly file: JsonFile<AliasesFile>;

  constructor(configDir: string) {
    this.file = new JsonFile<AliasesFile>(join(configDir, 'aliases.json'), { fallback: () => ({ aliases: {} }), parse: parseAliases, mode: 0o600 });
  }

  all(): Record<string, string> {
    return this.file.read().aliases;
  }

  /** The model an alias stands for; a name that is no alias is a model id already. */
  resolve(name: string): string {
    return this.all()[name] ?? name;
  }

  set(name: string, model: string): void {
    this.file.update((d) => (d.aliases[name] = model));
  }

  remove(name: string): boolean {
    let removed = false;
    this.file.update((d) => {
      removed = name in d.aliases;
      delete d.aliases[name];
    });
    return removed;
  }
}
