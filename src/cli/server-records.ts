/** The Token Plan server's record of a run, in the ledger's terms, for settling estimates. */
import type { TokenClient } from '../client/client.js';
import type { RunLookup } from '../ledger/resolve.js';

const STATUS = { completed: 'ok', aborted: 'interrupted', failed: 'error' } as const;

export function serverLookup(client: TokenClient): RunLookup {
  return async (runId) => {
    const r = await client.usage.run(runId, { signal: AbortSignal.timeout(1500) });
    if (!r) return 'unknown';
    return { prompt_tokens: r.prompt_tokens, completion_tokens: r.completion_tokens, billed_tokens: r.billed_tokens, status: STATUS[r.status] };
  };
}
