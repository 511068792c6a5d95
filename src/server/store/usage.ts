import type { UsageReport } from '../../shared/wire.js';
import type { Db } from './db.js';
import { prepared } from '../../shared/statements.js';

export interface UsageQuery {
  since?: string;
  until?: string;
  groupBy: 'day' | 'model';
}

/** Server-side usage, aggregated per UTC day or per model, from the metered requests. */
export function usageReport(db: Db, accountId: string, q: UsageQuery): UsageReport {
  const key = q.groupBy === 'day' ? 'substr(created_at, 1, 10)' : 'model';
  const rows = prepared(db, 
      `SELECT ${key} AS key, COUNT(*) AS requests, SUM(prompt_tokens) AS prompt_tokens,
              SUM(completion_tokens) AS completion_tokens, SUM(billed_tokens) AS billed_tokens
       FROM chat_requests
       WHERE account_id = ? AND created_at >= ? AND created_at < ?
       GROUP BY 1 ORDER BY 1`,
    )
    .all(accountId, q.since ?? '', q.until ?? '\uffff') as UsageReport['data'];
  return { object: 'list', group_by: q.groupBy, data: rows };
}
