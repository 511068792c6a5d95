/** A time-of-day multiplier as a person reads it, for `models` and `run --dry-run`: "3× until 18:00", "2× until Mon 14:00". */
import { formatMultiplier } from '../../../tokens/billing.js';
import type { MultiplierNow } from '../../../tokens/peak.js';

export function describeMultiplier(m: MultiplierNow & { stale: boolean }, now: Date, zone: string): string {
  const x = formatMultiplier(m.multiplier_milli);
  if (m.stale) return `${x} when last listed (run \`tokencli models\`)`;
  if (m.changes_at === null) return x;
  const t = new Date(m.changes_at);
  const farOff = m.changes_at - now.getTime() > 86_400_000;
  return `${x} until ${t.toLocaleString('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', ...(farOff ? { weekday: 'short' } : {}) })}`;
}
