/** Flag parsing only: each command's flags become the options its run function receives (P5). */
import { Command } from 'commander';
import { describe, expect, test } from 'vitest';
import { createContext } from '../../src/cli/context.js';
import { runCommand, type RunOptions } from '../../src/cli/commands/run/run.js';
import { balanceCommand, type BalanceOptions } from '../../src/cli/commands/balance/balance.js';
import { describeError, UsageError } from '../../src/cli/errors.js';
import { testIO } from '../../src/cli/io/streams.js';
import { colorLevel } from '../../src/cli/io/streams.js';
import { tempDir } from '../helpers/procs.js';

const ctx = () => createContext({ io: testIO().io, prompter: undefined as never, env: { TOKENCLI_HOME: tempDir() }, version: 't', openLedger: async () => undefined as never });

async function parse<T>(make: (run: (o: T) => Promise<void>) => Command, argv: string[]): Promise<T> {
  let got: T | undefined;
  const root = new Command().exitOverride().addCommand(make(async (o) => void (got = o)).exitOverride());
  await root.parseAsync(argv, { from: 'user' });
  return got!;
}

describe('run flags', () => {
  test.each([
    [['run', 'hello', 'world', '-m', 'demo-pro'], { args: ['hello', 'world'], model: 'demo-pro', stream: true, dryRun: false, files: [] }],
    [['run', '--no-stream', '-f', 'a', '--file', 'b', 'x'], { stream: false, files: ['a', 'b'] }],
    [['run', '--max-tokens', '7', '--temperature', '0.5', '--dry-run', '--force', 'x'], { maxTokens: 7, temperature: 0.5, dryRun: true, force: true }],
  ])('%j', async (argv, want) => {
    expect(await parse<RunOptions>((r) => runCommand(ctx(), r), argv)).toMatchObject(want);
  });

  test('bad values are usage errors (exit 2)', async () => {
    for (const argv of [['run', '--max-tokens', '0', 'x'], ['run', '--temperature', '3', 'x'], ['run', '--max-tokens', 'many', 'x']]) {
      const e = await parse<RunOptions>((r) => runCommand(ctx(), r), argv).catch((x) => x);
      expect(e).toBeInstanceOf(UsageError);
      expect(describeError(e).exitCode).toBe(2);
    }
  });
});

test('balance --min and --offline', async () => {
  expect(await parse<BalanceOptions>((r) => balanceCommand(ctx(), r), ['balance', '--min', '500', '--offline'])).toMatchObject({ min: '500', offline: true, all: false, provider: 'tokenplan' });
});

test('colour: --no-color, then FORCE_COLOR, then NO_COLOR, then the terminal', () => {
  expect(colorLevel({}, true, false)).toBe(1);
  expect(colorLevel({}, false, false)).toBe(0);
  expect(colorLevel({ NO_COLOR: '1' }, true, false)).toBe(0);
  expect(colorLevel({ FORCE_COLOR: '1' }, false, false)).toBe(1);
  expect(colorLevel({ FORCE_COLOR: '3', NO_COLOR: '1' }, false, false)).toBe(3);
  expect(colorLevel({ FORCE_COLOR: '0' }, true, false)).toBe(0);
  expect(colorLevel({ FORCE_COLOR: '1' }, true, true)).toBe(0);
});
