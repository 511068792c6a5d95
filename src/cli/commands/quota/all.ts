/**
 * `quota --all`: every stored profile's windows at once, concurrently, each with its own key; a
 * profile whose provider has no quota API, or that fails, is a row saying so, not a failure.
 */
import { Quota as QuotaApi } from '../../../client/resources/quota.js';
import { describeError } from '../../errors.js';
import type { IOStreams } from '../../io/streams.js';
import { printTable } from '../../io/table.js';
import { printJson } from '../../io/json.js';
import type { ProfileTarget } from '../balance/all.js';
import { asStored, type StoredQuota } from './headers.js';
import { columns, quotaLine } from './render.js';
import { paceOf } from './pace.js';
import type { WindowQuota } from '../../../shared/quota.js';

interface ProfileQuota {
  profile: string;
  provider: string;
  api_url: string;
  quota: (StoredQuota & { plan?: string | null }) | null;
  error: string | null;
}

async function one(t: ProfileTarget, now: Date): Promise<ProfileQuota> {
  const base = { profile: t.name, provider: t.provider, api_url: t.apiUrl };
  try {
    if (t.provider !== 'tokenplan' && !t.profile.quota) return { ...base, quota: null, error: `${t.provider} reports no quota windows over its API` };
    const client = await t.client();
    const quota = t.profile.quota ? asStored(await t.profile.quota(client, now), now) : await new QuotaApi(client).get();
    return { ...base, quota, error: null };
  } catch (e) {
    return { ...base, quota: null, error: describeError(e).lines[0] ?? String(e) };
  }
}

export async function quotaAllRun(o: { io: IOStreams; targets: ProfileTarget[]; line: boolean; json: boolean; now: Date; zone: string }): Promise<void> {
  const stop = o.line ? () => {} : o.io.spinner(`Asking ${o.targets.length} providers`).stop;
  const rows = await Promise.all(o.targets.map((t) => one(t, o.now))).finally(stop);
  if (o.json) {
    return printJson(o.io, { profiles: rows.map((r) => ({ ...r, quota: r.quota && { ...r.quota, windows: r.quota.windows.map((w) => ({ ...w, ...paceOf(w, o.now) })) } })) });
  }
  if (o.line) {
    for (const r of rows) o.io.out(`${r.profile}: ${r.quota ? quotaLine(r.quota, o.now) : `error: ${r.error}`}\n`);
    return;
  }
  // One row per window, led by its profile; a profile without windows is one row with its error or packs.
  type Row = { profile: string; provider: string; window?: WindowQuota; note: string };
  const table: Row[] = rows.flatMap((r): Row[] => {
    if (!r.quota) return [{ profile: r.profile, provider: r.provider, note: r.error ?? '' }];
    if (r.quota.windows.length === 0) return [{ profile: r.profile, provider: r.provider, note: r.quota.packs ? `no subscription; packs ${r.quota.packs.tokens_remaining}` : 'no windows reported' }];
    return r.quota.windows.map((w) => ({ profile: r.profile, provider: r.provider, window: w, note: '' }));
  });
  const windowColumns = columns(o.now, o.zone).filter((c) => ['window', 'unit', 'used', 'limit', 'remaining', 'resets_at'].includes(c.key));
  printTable<Row>(o.io, [
    { key: 'profile', title: 'profile', human: (r) => r.profile, raw: (r) => r.profile },
    { key: 'provider', title: 'provider', human: (r) => r.provider, raw: (r) => r.provider, drop: 1 },
    ...windowColumns.map((c) => ({ ...c, human: (r: Row) => (r.window ? c.human(r.window) : ''), raw: (r: Row) => (r.window ? c.raw(r.window) : null) })),
    { key: 'error', title: 'note', human: (r) => r.note, raw: (r) => r.note || null },
  ], table);
}
