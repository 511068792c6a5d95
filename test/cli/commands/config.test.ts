/** The config and profiles verbs at their seam: values are checked before they are saved. */
import { describe, expect, test } from 'vitest';
import { configGetCommand, configGetRun } from '../../../src/cli/commands/config/get.js';
import { configSetCommand, configSetRun } from '../../../src/cli/commands/config/set.js';
import { profilesCommand, profilesListRun } from '../../../src/cli/commands/profiles/profiles.js';
import { profilesUseCommand, profilesUseRun } from '../../../src/cli/commands/profiles/use.js';
import { UsageError } from '../../../src/cli/errors.js';
import { optionsOf, seam } from '../../helpers/seam.js';

describe('config and profiles', () => {
  test('set then get a model; a bad time zone or URL is refused and nothing changes', async () => {
    const s = await seam();
    await configSetRun(await optionsOf(s.ctx, (r) => configSetCommand(s.ctx, r), ['set', 'model', 'demo-pro']));
    await configGetRun(await optionsOf(s.ctx, (r) => configGetCommand(s.ctx, r), ['get', 'model']));
    expect(s.io.stdout()).toBe('demo-pro\n');
    await expect(configSetRun(await optionsOf(s.ctx, (r) => configSetCommand(s.ctx, r), ['set', 'tz', 'Mars/Olympus']))).rejects.toBeInstanceOf(UsageError);
    await expect(configSetRun(await optionsOf(s.ctx, (r) => configSetCommand(s.ctx, r), ['set', 'api_url', 'ftp://x']))).rejects.toBeInstanceOf(UsageError);
    expect((await s.ctx.settings()).profile('default')).toMatchObject({ model: 'demo-pro' });
    expect((await s.ctx.settings()).profile('default')?.tz).toBeUndefined();
  });

  test('profiles lists what is stored; use of an unknown one names the known ones', async () => {
    const s = await seam();
    await configSetRun(await optionsOf(s.ctx, (r) => configSetCommand(s.ctx, r), ['set', 'model', 'demo-mini']));
    await profilesListRun(await optionsOf(s.ctx, (r) => profilesCommand(s.ctx, r), ['profiles', '--json']));
    expect(JSON.parse(s.io.stdout())).toMatchObject({ active: 'default', profiles: [{ name: 'default', model: 'demo-mini', logged_in: false }] });
    const e = await profilesUseRun(await optionsOf(s.ctx, (r) => profilesUseCommand(s.ctx, r), ['use', 'work'])).catch((x) => x);
    expect(e).toBeInstanceOf(UsageError);
    expect(e.hint).toBe('profiles: default');
  });
});
