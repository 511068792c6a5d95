/** How `tokencli quota` looks: a bar per window on a terminal, tab-separated rows in a pipe, one line for a status bar. */
import type { WindowQuota } from '../../../shared/quota.js';
import { WINDOWS } from '../../../tokens/windows.js';
import type { StoredQuota } from './headers.js';
import { formatTokens, when } from '../../io/format.js';
import { note } from '../../io/messages.js';
import type { IOStreams } from '../../io/streams.js';
import { printTable, type Column } from '../../io/table.js';
import { countdown, paceOf, SHORT_WINDOW, usedPercent } from './pace.js';

const WINDOW_NAME: Record<WindowQuota['window'], string> = { rolling_5h: '5 hours', week: 'week', cycle: 'month' };
const BAR_CELLS = 10;

/** A window as a provider may report it: a lane label when it has several (MiniMax per model). */
type Shown = WindowQuota & { label?: string };

const nameOf = (w: Shown) => WINDOW_NAME[w.window] + (w.label ? ` (${w.label})` : '');

/** "80 / 10,000,000 tokens", or "28% used" for a window reported only as a share. */
const usedOf = (w: Shown) => (w.unit === 'percent' ? `${w.used + w.held}% used` : `${formatTokens(w.used + w.held)} / ${formatTokens(w.limit)} ${w.unit}`);

function bar(w: WindowQuota): string {
  const full = Math.min(BAR_CELLS, Math.ceil((usedPercent(w) * BAR_CELLS) / 100));
  return '█'.repeat(full) + '░'.repeat(BAR_CELLS - full);
}

/** "in 3h12m": the countdown to the reset. */
const resetsIn = (iso: string | null, now: Date) => (iso === null ? 'nothing counted' : `in ${countdown(Date.parse(iso) - now.getTime())}`);

/** "Mon 00:00", or "Sun 27 Dec, 21:10" when more than six days away: the reset on the local clock. */
function resetClock(iso: string | null, now: Date, zone: string): string {
  if (iso === null) return '';
  const t = new Date(iso);
  return t.toLocaleString('en-GB', { timeZone: zone, weekday: 'short', hour: '2-digit', minute: '2-digit', ...(t.getTime() - now.getTime() > 6 * 86_400_000 ? { day: 'numeric', month: 'short' } : {}) });
}

function pacePhrase(w: WindowQuota, now: Date): string {
  const p = paceOf(w, now);
  if (p.per_hour === 0) return 'unused';
  // Too early in the window the pace goes alone (see tokens/projection.ts); --json says from when a projection starts.
  const runsOut = p.projects_from ? 'no projection yet' : p.exhausted_at ? `runs out in ${countdown(Date.parse(p.exhausted_at) - now.getTime())}, before the reset` : 'lasts to the reset';
  return `${formatTokens(p.per_hour)}${w.unit === 'percent' ? '%' : ` ${w.unit}`}/h, ${runsOut}`;
}

/**
 * Piped, the columns are the --json fields; on a terminal, a bar and phrases. At 80 columns the
 * used figures stay whole and the pace stays, wrapped: the reset's clock time goes first, then what
 * is left (the used figures say it), and the pace last of all.
 */
export function columns(now: Date, zone: string): Column<Shown>[] {
  return [
    { key: 'window', title: 'window', human: nameOf, raw: (w) => w.window },
    { key: 'unit', title: 'unit', human: (w) => w.unit, raw: (w) => w.unit, pipedOnly: true },
    { key: 'used', title: 'used', human: (w) => `${bar(w)} ${usedOf(w)}`, raw: (w) => w.used },
    { key: 'held', title: 'held', human: (w) => String(w.held), raw: (w) => w.held, pipedOnly: true },
    { key: 'limit', title: 'limit', human: (w) => String(w.limit), raw: (w) => w.limit, pipedOnly: true },
    { key: 'remaining', title: 'left', human: (w) => (w.unit === 'percent' ? `${w.remaining}%` : formatTokens(w.remaining)), raw: (w) => w.remaining, drop: 2 },
    { key: 'resets_at', title: 'resets', human: (w) => resetsIn(w.resets_at, now), raw: (w) => w.resets_at },
    { key: 'resets_clock', title: 'at', human: (w) => resetClock(w.resets_at, now, zone), raw: () => null, ttyOnly: true, drop: 3 },
    { key: 'per_hour', title: 'pace', human: (w) => pacePhrase(w, now), raw: (w) => paceOf(w, now).per_hour, drop: 1, wrap: true },
    { key: 'exhausted_at', title: 'runs out', human: () => '', raw: (w) => paceOf(w, now).exhausted_at, pipedOnly: true },
    // Last, so that scripts reading the fields before it keep working.
    { key: 'label', title: '', human: () => '', raw: (w) => w.label ?? null, pipedOnly: true },
    { key: 'projects_from', title: '', human: () => '', raw: (w) => paceOf(w, now).projects_from, pipedOnly: true },
  ];
}

/** An estimate (offline) says so: `~` before figures that are not the server's. */
const isEstimate = (q: StoredQuota) => (q as { estimate?: boolean }).estimate === true;

export function printQuota(io: IOStreams, q: StoredQuota & { provider?: string; plan?: string | null }, now: Date, zone: string): void {
  const tty = io.isStdoutTTY;
  if (tty && q.provider) io.out(`${io.color.bold(q.provider)}${q.plan ? ` · ${q.plan}` : ''}\n`);
  if (tty && q.subscription) {
    const s = q.subscription;
    const renewal = s.status === 'ended' ? 'ended' : s.auto_renew ? 'renews' : 'ends (auto-renew off)';
    io.out(`${io.color.bold(s.plan_id)} · ${renewal} ${when(s.current_period_end, true, now)}\n`);
  }
  if (q.windows.length === 0) {
    // Piped, an empty table is a note on stderr (as every empty list is), so `quota | cat` is never silent.
    const packs = q.packs ? ` (${isEstimate(q) ? 'last seen ' : ''}${formatTokens(q.packs.tokens_remaining)} tokens)` : '';
    if (tty) io.out(q.provider ? 'The provider reported no quota windows.\n' : 'No active subscription: requests draw on the packs.\n');
    else note(io, false, q.provider ? 'the provider reported no quota windows' : `no active subscription, so no quota windows: requests draw on the packs${packs}`);
  }
  if (q.windows.length > 0) printTable(io, columns(now, zone), q.windows);
  if (tty && q.packs) io.out(`packs: ${isEstimate(q) ? 'last seen ' : ''}${formatTokens(q.packs.tokens_remaining)} tokens${q.packs.tokens_held ? ` (${formatTokens(q.packs.tokens_held)} held)` : ''}\n`);
}

/**
 * One short line, e.g. `5h 12% 3h05m · wk 40% 2d11h · mo 8% 24d02h`: per window the limit nearest to
 * its cap (a window may count requests and tokens), marked `!` when exhausted, and its reset; an
 * offline estimate starts with `~`.
 */
export function printLine(io: IOStreams, q: StoredQuota, now: Date): void {
  io.out(quotaLine(q, now) + '\n');
}

/** The status line's text: per window the limit nearest its cap, `!` when exhausted, the reset; `~` first for an estimate. */
export function quotaLine(q: StoredQuota, now: Date): string {
  const nearest = new Map<WindowQuota['window'], WindowQuota>();
  for (const w of q.windows) {
    const seen = nearest.get(w.window);
    if (!seen || usedPercent(w) > usedPercent(seen)) nearest.set(w.window, w);
  }
  // Shortest window first, whatever order the server listed them in.
  const parts = WINDOWS.filter((name) => nearest.has(name)).map((name) => nearest.get(name)!).map((w) => {
    const mark = w.remaining === 0 ? '!' : '';
    const reset = w.resets_at === null ? '' : ` ${countdown(Date.parse(w.resets_at) - now.getTime())}`;
    return `${SHORT_WINDOW[w.window]} ${usedPercent(w)}%${mark}${reset}`;
  });
  if (parts.length === 0) parts.push(q.packs ? `packs ${formatTokens(q.packs.tokens_remaining)}` : 'no windows');
  return (isEstimate(q) ? '~' : '') + parts.join(' · ');
}
