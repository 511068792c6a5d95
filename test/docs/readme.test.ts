/** The README's command reference is generated from the commander tree; this fails when it is stale. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../helpers/procs.js';

test('the README command reference matches the commands (run `npm run docs` to fix)', async () => {
  // @ts-expect-error: a plain .mjs script shared with `npm run docs`
  const { withReference } = await import('../../scripts/reference.mjs');
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  expect(readme).toBe(withReference(readme));
});

test('every command has a description and at least one example in its help', async () => {
  // @ts-expect-error: a plain .mjs script
  const { program } = await import('../../scripts/reference.mjs');
  const missing: string[] = [];
  const visit = (cmd: any, path: string[]) => {
    const here = [...path, cmd.name()];
    if (cmd._actionHandler && !cmd._hidden) {
      // addHelpText('after') is emitted on the 'afterHelp' event; collect it the way commander does.
      const chunks: string[] = [cmd.helpInformation()];
      cmd.emit('afterHelp', { error: false, command: cmd, write: (s: string) => chunks.push(s) });
      const text = chunks.join('');
      if (!cmd.description()) missing.push(`${here.join(' ')}: no description`);
      if (!/Examples?:\n\s+\$ .*tokencli/.test(text)) missing.push(`${here.join(' ')}: no example`);
    }
    for (const c of cmd.commands) visit(c, here);
  };
  visit(program(), []);
  expect(missing).toEqual([]);
});
