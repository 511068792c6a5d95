/**
 * The time-of-day multiplier from the CLI's side, at the seam against the app in-process:
 * `models` shows the one in force and when it changes, and `run --dry-run` prices at it, also from
 * a model list cached before the peak began (the schedule travels with the list).
 */
import { describe, expect, test } from 'vitest';
import { modelsCommand, modelsRun, type ModelsOptions } from '../../../src/cli/commands/models/models.js';
import { runCommand, runRun, type RunOptions } from '../../../src/cli/commands/run/run.js';
import { optionsOf, seam } from '../../helpers/seam.js';

type Seam = Awaited<ReturnType<typeof seam>>;
const models = async (s: Seam, argv: string[] = []) => modelsRun(await optionsOf<ModelsOptions>(s.ctx, (r) => modelsCommand(s.ctx, r), ['models', ...argv]));
const dryRun = async (s: Seam, at: string) =>
  runRun({ ...(await optionsOf<RunOptions>(s.ctx, (r) => runCommand(s.ctx, r), ['run', '--dry-run', '--json', '-m', 'demo-glm', '--max-tokens', '10', 'hello'])), now: () => new Date(at) });

describe('the multiplier in force', () => {
  test('models: 2× off-peak until 14:00 Beijing, piped with the instant it changes; 3× in the peak', async () => {
    // 05:30 UTC is 13:30 in Beijing: off-peak, the peak half an hour away.
    const s = await seam({ now: '2026-11-26T05:30:00Z' });
    await models(s);
    expect(s.io.stdout().split('\n').filter((l) => l.startsWith('demo-glm') || l.startsWith('id'))).toEqual([
      'id\tcontext_length\tinput_multiplier_milli\toutput_multiplier_milli\towned_by\tmultiplier_milli\tmultiplier_changes_at',
      'demo-glm\t32768\t1000\t1000\ttokencli-demo\t2000\t2026-11-26T06:00:00.000Z',
    ]);
    const peak = await seam({ now: '2026-11-26T06:30:00Z', tty: true });
    await models(peak);
    expect(peak.io.stdout()).toMatch(/demo-glm\s+32,768\s+1×\s+1×\s+tokencli-demo\s+3× until \d\d:\d\d/);
    expect(peak.io.stdout()).toMatch(/demo-mini\s+8,192\s+1×\s+1×\s+tokencli-demo\s+-/);
  });

  test('run --dry-run prices at the multiplier in force, from a list cached before the boundary', async () => {
    const s = await seam({ now: '2026-11-26T05:59:00Z' });
    await models(s, ['--json']);
    expect(JSON.parse(s.io.stdout()).data.find((m: any) => m.id === 'demo-glm').multiplier).toMatchObject({ multiplier_milli: 2000, schedule: { base_milli: 2000 } });

    await dryRun(s, '2026-11-26T05:59:59Z');
    const offPeak = JSON.parse(s.io.stdout().slice(s.io.stdout().lastIndexOf('{\n  "model"')));
    expect(offPeak).toMatchObject({ billing: { input_multiplier_milli: 1000 }, multiplier: { multiplier_milli: 2000, changes_at: '2026-11-26T06:00:00.000Z', stale: false }, rates_in_force: { input_multiplier_milli: 2000, output_multiplier_milli: 2000 } });
    // The same prompt and max tokens at three times the base rates once the peak has begun, from the same cached list.
    await dryRun(s, '2026-11-26T06:00:00Z');
    const peak = JSON.parse(s.io.stdout().slice(s.io.stdout().lastIndexOf('{\n  "model"')));
    expect(peak.multiplier).toEqual({ multiplier_milli: 3000, changes_at: '2026-11-26T10:00:00.000Z', stale: false });
    expect(peak.plan_tokens.max).toBe((offPeak.plan_tokens.max / 2) * 3);
  });
});
