import type { TokenClient } from '../client.js';
import { UsageReportSchema, type UsageReport } from '../../shared/wire.js';

export interface UsageQuery {
  since?: string;
  until?: string;
  groupBy?: 'day' | 'model';
}

export class Usage {
  constructor(private readonly c: TokenClient) {}

  get(q: UsageQuery = {}): Promise<UsageReport> {
    return this.c.request('GET', '/v1/usage', {
      schema: UsageReportSchema,
      query: { since: q.since, until: q.until, group_by: q.groupBy },
    });
  }
}
