/**
 * The start-up path (src/cli/root.ts): the built CLI loads only the command it runs, with stand-ins
 * for the rest. Whatever it loads, the user must see what the full tree (program.ts) shows.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { commandWord } from '../../src/cli/command-line.js';
import { COMMAND_LOADERS, inherit, rootCommand } from '../../src/cli/root.js';
import { createContext } from '../../src/cli/context.js';
import { testIO } from '../../src/cli/io/streams.js';
import { createProgram } from '../../src/cli/program.js';
import { tokencli } from '../helpers/cli.js';
import { cleanEnv, ROOT, tempDir } from '../helpers/procs.js';

const ctx = () =>
  createContext({
    io: testIO().io,
    prompter: undefined as never,
    env: { TOKENCLI_HOME: '/nonexistent' },
    version: '0.1.0',
    openLedger: async () => {
      throw new Error('not used');
    },
  });

describe('the start-up path', () => {
  test('every top-level command but help, completion and complete loads alone, as the full tree builds it', async () => {
    const full = createProgram(ctx()).commands;
    expect(Object.keys(COMMAND_LOADERS).sort()).toEqual(full.map((c) => c.name()).filter((n) => !['help', 'completion', '__complete'].includes(n)).sort());
    for (const [name, load] of Object.entries(COMMAND_LOADERS)) {
      const root = rootCommand(ctx());
      const alone = await load(ctx());
      root.addCommand(alone);
      inherit(alone, root);
      const whole = full.find((c) => c.name() === name)!;
      expect(alone.helpInformation(), name).toBe(whole.helpInformation());
    }
  });

  test('the command is the first operand, past the values of root flags', () => {
    expect(commandWord(['--profile', 'run', '--json', 'budget', 'status'])).toBe('budget');
    expect(commandWord(['--timeout', '5', '--api-url', 'http://x', 'run', 'hi'])).toBe('run');
    expect(commandWord(['--profile=work', 'balance'])).toBe('balance');
    expect(commandWord(['--help'])).toBeUndefined();
    expect(commandWord(['--', 'run'])).toBeUndefined();
  });

  test('the built CLI prints what the full tree (the unbundled build) prints', async () => {
    // dist/cli/main.js has no index, so it always builds the whole tree.
    const full = (args: string[]) => spawnSync(process.execPath, ['--input-type=module', '-e', `const { main } = await import(${JSON.stringify(join(ROOT, 'dist/cli/main.js'))}); await main(["node", "tokencli", ...process.argv.slice(1)]);`, '--', ...args], { env: cleanEnv(tempDir()), encoding: 'utf8' });
    for (const args of [[], ['--help'], ['--version'], ['--json', '--help'], ['budget', '--help'], ['--profile', 'x', 'budget', 'status', '--help'], ['auth', 'switch', '--help'], ['budget', 'stauts']]) {
      const [bundled, whole] = [await tokencli(args), full(args)];
      expect({ code: bundled.code, stdout: bundled.stdout, stderr: bundled.stderr }, args.join(' ')).toEqual({ code: whole.status, stdout: whole.stdout, stderr: whole.stderr });
    }
  });

  test('an unknown command is still suggested from the full tree', async () => {
    const r = await tokencli(['buget']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'buget'[\s\S]*budget/);
  });
});
