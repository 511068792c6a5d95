/** Server-side usage from the metered requests: aggregated per day or model, and one run by its Idempotency-Key. */
import type { RunUsage, UsageReport } from '../../shared/wire.js';
import type { Sql } from './sql.js';

export interface UsageQuery {
  since?: string;
  until?: string;
  groupBy: 'day' | 'model';
}

/** Server-side usage, aggregated per UTC day or per model, from the metered requests. */
export async function usageReport(db: Sql, accountId: string, q: UsageQuery): Promise<UsageReport> {
  const key = q.groupBy === 'day' ? 'substr(created_at, 1, 10)' : 'model';
  // Bounds left out are left out of the SQL too: no sentinel string whose order depends on a collation.
  const bounds = [...(q.since !== undefined ? ['created_at >= ?'] : []), ...(q.until !== undefined ? ['created_at < ?'] : [])];
  const rows = await db.all<UsageReport['data'][number]>(
    `SELECT ${key} AS key, COUNT(*) AS requests, SUM(prompt_tokens) AS prompt_tokens,
            SUM(completion_tokens) AS completion_tokens, SUM(billed_tokens) AS billed_tokens
     FROM chat_requests
     WHERE ${['account_id = ?', ...bounds].join(' AND ')}
     GROUP BY 1 ORDER BY 1`,
    [accountId, ...(q.since !== undefined ? [q.since] : []), ...(q.until !== undefined ? [q.until] : [])],
  );
  return { object: 'list', group_by: q.groupBy, data: rows };
}

interface RunRow {
  n: number;
  request_id: string;
  model: string;
  status: RunUsage['status'];
  prompt_tokens: number;
  completion_tokens: number;
  billed_tokens: number;
  created_at: string;
}

/**
 * The record of one run, by the Idempotency-Key the client sent with it. A key sent with more than
 * one request (a client that retried) is answered with their sum, which is what was billed.
 */
export async function runUsage(db: Sql, accountId: string, runId: string): Promise<RunUsage | undefined> {
  const row = await db.get<RunRow>(
    `SELECT COUNT(*) AS n, MAX(id) AS request_id, MAX(model) AS model, SUM(prompt_tokens) AS prompt_tokens,
            SUM(completion_tokens) AS completion_tokens, SUM(billed_tokens) AS billed_tokens, MIN(created_at) AS created_at,
            (SELECT status FROM chat_requests WHERE account_id = ? AND run_id = ? ORDER BY created_at DESC LIMIT 1) AS status
     FROM chat_requests WHERE account_id = ? AND run_id = ?`,
    [accountId, runId, accountId, runId],
  );
  if (!row || row.n === 0) return undefined;
  return { run_id: runId, request_id: row.request_id, model: row.model, status: row.status, prompt_tokens: row.prompt_tokens, completion_tokens: row.completion_tokens, billed_tokens: row.billed_tokens, created_at: row.created_at };
}
