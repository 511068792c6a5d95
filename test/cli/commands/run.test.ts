/** `run` at its seam: flags → RunOptions → runRun against the app in-process, with the real ledger. */
import { describe, expect, test } from 'vitest';
import { runCommand, runRun, type RunOptions } from '../../../src/cli/commands/run/run.js';
import { Exit } from '../../../src/cli/errors.js';
import { describeError } from '../../../src/cli/errors.js';
import { ledgerRows } from '../../helpers/ledger.js';
import { optionsOf, seam } from '../../helpers/seam.js';

const run = async (s: Awaited<ReturnType<typeof seam>>, argv: string[]) => runRun(await optionsOf<RunOptions>(s.ctx, (r) => runCommand(s.ctx, r), ['run', ...argv]));

describe('run', () => {
  test('the answer on stdout, nothing on stderr when piped, one ok row with the server\'s figures', async () => {
    const s = await seam();
    await s.buy();
    await run(s, ['-m', 'demo-mini', '--max-tokens', '4', 'hi']);
    expect(s.io.stdout().trim().split(' ')).toHaveLength(4);
    expect(s.io.stderr()).toBe('');
    expect(ledgerRows(s.home)).toMatchObject([{ status: 'ok', source: 'server', completion_tokens: 4, api_url: 'http://127.0.0.1:1', account: expect.stringMatching(/^key:[0-9a-f]{16}$/) }]);
  });

  test('--json is one document with the run id that is also the ledger row and the server\'s record', async () => {
    const s = await seam();
    await s.buy();
    await run(s, ['--json', '-m', 'demo-pro', '--max-tokens', '3', 'x']);
    const doc = JSON.parse(s.io.stdout());
    expect(ledgerRows(s.home)[0].id).toBe(doc.id);
    const record = await (await s.server.fetch(`http://127.0.0.1:1/v1/usage/runs/${doc.id}`, { headers: { authorization: `Bearer ${s.server.key}` } })).json();
    expect(record).toMatchObject({ run_id: doc.id, completion_tokens: 3, billed_tokens: doc.usage.billing.billed_tokens });
  });

  test('a hard budget refuses before any request, and no row is written', async () => {
    const s = await seam();
    await s.buy();
    await s.server.db.run('DELETE FROM chat_requests');
    const ledger = await s.ctx.ledger();
    ledger.setBudget({ profile: 'default', period: 'day', limit_tokens: 10, limit_money: null, warn: [100], hard: true, alert_command: null }, new Date('2026-11-26T10:00:00Z'));
    const e = await run(s, ['-m', 'demo-mini', '--max-tokens', '50', 'x']).catch((x) => x);
    expect(describeError(e).exitCode).toBe(Exit.QUOTA);
    expect(ledgerRows(s.home)).toEqual([]);
    expect(await s.server.db.get('SELECT COUNT(*) AS n FROM chat_requests')).toEqual({ n: 0 });
  });

  test('402 from the server: exit 5 and an error row that cost nothing', async () => {
    const s = await seam();
    const e = await run(s, ['-m', 'demo-mini', 'hi']).catch((x) => x);
    expect(describeError(e).exitCode).toBe(Exit.QUOTA);
    expect(ledgerRows(s.home)).toMatchObject([{ status: 'error', billed_tokens: 0, source: 'server' }]);
  });

  test('an interrupt before the request leaves sends nothing and records nothing', async () => {
    const s = await seam();
    await s.buy();
    const opts = await optionsOf<RunOptions>(s.ctx, (r) => runCommand(s.ctx, r), ['run', '-m', 'demo-mini', 'x']);
    const interrupt = new AbortController();
    interrupt.abort('SIGINT');
    const e = await runRun({ ...opts, interrupt: interrupt.signal }).catch((x) => x);
    expect(describeError(e).exitCode).toBe(Exit.INTERRUPTED);
    expect(ledgerRows(s.home)).toEqual([]);
  });
});
