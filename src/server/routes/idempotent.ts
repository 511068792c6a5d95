/**
 * The Idempotency-Key protocol of the money-moving POSTs (purchases, subscriptions): claim the key
 * with a hash of the parsed request, replay a finished answer, refuse a reused key with another
 * body (422) or one still in progress (409), and release the key when the work fails.
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../app.js';
import { ApiProblem, badRequest } from '../errors.js';
import { claimKey, completeKey, releaseKey } from '../store/idempotency.js';
import type { Sql } from '../store/sql.js';

const MAX_KEY_LENGTH = 255;

/** The key, checked; call before parsing the body so a missing key is the first thing reported. */
export function idempotencyKey(c: Context<AppEnv>, what: string): string {
  const key = c.req.header('idempotency-key');
  if (!key) throw badRequest(`the Idempotency-Key header is required for ${what}`, 'Idempotency-Key', 'idempotency_key_missing');
  if (key.length > MAX_KEY_LENGTH) throw badRequest(`Idempotency-Key is longer than ${MAX_KEY_LENGTH} characters`, 'Idempotency-Key');
  return key;
}

/**
 * Runs `work` once per key and request: `work` gets the chance to run something slow outside any
 * transaction (`before`), then records its result in a transaction that also completes the key.
 */
export async function idempotent<T>(
  c: Context<AppEnv>,
  deps: AppDeps,
  key: string,
  request: unknown,
  work: {
    before?: () => Promise<void>;
    record: (tx: Sql) => Promise<T>;
    /** Runs once the result is committed, before it is answered (a phone-bill payment sends its code). */
    after?: () => Promise<void>;
    /** What a replay answers instead of the stored body, for a result that changes later (a payment's status). */
    replay?: (storedBody: string) => Promise<unknown>;
    status: 200 | 201 | 202;
  },
): Promise<Response> {
  const account = c.get('account');
  // The hash covers the parsed request, so whitespace or key order in the JSON does not matter.
  const requestHash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
  const claim = await deps.db.transaction((tx) => claimKey(tx, account.id, key, requestHash, deps.now()));
  switch (claim.kind) {
    case 'mismatch':
      throw new ApiProblem(422, 'idempotency_key_reused', 'this Idempotency-Key was used with a different request body', 'idempotency_key_reused', 'Idempotency-Key');
    case 'in_progress':
      throw new ApiProblem(409, 'idempotency_key_in_use', 'a request with this Idempotency-Key is still being processed: retry shortly', 'idempotency_key_in_use', 'Idempotency-Key', { 'retry-after': '1' });
    case 'replay':
      return new Response(work.replay ? JSON.stringify(await work.replay(claim.body)) : claim.body, { status: claim.status, headers: { 'content-type': 'application/json', 'idempotent-replayed': 'true' } });
    case 'claimed':
      break;
  }
  let result: T;
  try {
    await work.before?.();
    result = await deps.db.transaction(async (tx) => {
      const r = await work.record(tx);
      await completeKey(tx, account.id, key, work.status, JSON.stringify(r));
      return r;
    });
  } catch (e) {
    await releaseKey(deps.db, account.id, key);
    throw e;
  }
  // Outside the try: the result is committed, so a failure here must not free the key for a second charge.
  await work.after?.();
  return c.json(result, work.status);
}
