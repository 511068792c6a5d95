/** The server's usage: aggregated, and one run by the Idempotency-Key it was sent with. */
import type { TokenClient } from '../client.js';
import { NotFoundError } from '../errors.js';
import type { RunUsage, UsageReport } from '../../shared/wire.js';

export interface UsageQuery {
  since?: string;
  until?: string;
  groupBy?: 'day' | 'model';
}

export class Usage {
  constructor(private readonly c: TokenClient) {}

  get(q: UsageQuery = {}): Promise<UsageReport> {
    return this.c.request('GET', '/v1/usage', {
      schema: (w) => w.UsageReportSchema,
      query: { since: q.since, until: q.until, group_by: q.groupBy },
    });
  }

  /** The server's record of one run by its id (the Idempotency-Key it was sent with); undefined when it has none. */
  async run(runId: string, o: { signal?: AbortSignal } = {}): Promise<RunUsage | undefined> {
    try {
      return await this.c.request('GET', `/v1/usage/runs/${encodeURIComponent(runId)}`, { schema: (w) => w.RunUsageSchema, ...o });
    } catch (e) {
      if (e instanceof NotFoundError) return undefined;
      throw e;
    }
  }
}
