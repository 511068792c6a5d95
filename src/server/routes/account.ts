/** What the key's account is, has and has used: /v1/account, /v1/balance, /v1/usage and /v1/usage/runs/ID. */
import type { App, AppDeps } from '../app.js';
import { badRequest, notFound } from '../errors.js';
import { balanceOf } from '../store/holds.js';
import { runUsage, usageReport } from '../store/usage.js';
import { UsageGroupBy } from '../../shared/wire.js';

/** What the key's account is, has, and has used. */
export function registerAccountRoutes(app: App, deps: AppDeps): void {
  app.get('/v1/account', (c) => c.json(c.get('account')));

  app.get('/v1/balance', async (c) => c.json(await balanceOf(deps.db, c.get('account').id, deps.now())));

  app.get('/v1/usage', async (c) => {
    const groupBy = UsageGroupBy.safeParse(c.req.query('group_by') ?? 'day');
    if (!groupBy.success) throw badRequest('group_by must be "day" or "model"', 'group_by');
    const since = timeParam(c.req.query('since'), 'since');
    const until = timeParam(c.req.query('until'), 'until');
    return c.json(await usageReport(deps.db, c.get('account').id, { groupBy: groupBy.data, since, until }));
  });

  // What one run cost, by the Idempotency-Key it was sent with: lets a client that died mid-run
  // settle its own ledger. A run still in flight has no record yet.
  app.get('/v1/usage/runs/:runId', async (c) => {
    const usage = await runUsage(deps.db, c.get('account').id, c.req.param('runId'));
    if (!usage) throw notFound('no settled chat request was sent with this Idempotency-Key', 'run_not_found', 'runId');
    return c.json(usage);
  });
}

/** Accepts a date (2026-11-01) or a full ISO time; returns it as an ISO UTC time for comparisons. */
function timeParam(value: string | undefined, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  const t = new Date(value);
  if (Number.isNaN(t.getTime())) throw badRequest(`${name} must be an ISO-8601 date or time`, name);
  return t.toISOString();
}
