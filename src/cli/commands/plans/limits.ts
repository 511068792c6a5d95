/** How a subscription tier reads to a person: its limits in one phrase, its price with the first-period promotion. */
import type { Limit, SubscriptionPlan } from '../../../shared/quota.js';
import { formatMoney, formatTokens } from '../../io/format.js';

const PER: Record<Limit['window'], string> = { rolling_5h: 'per 5 h', week: 'a week', cycle: 'a month' };

const SHORTEST_FIRST: Limit['window'][] = ['rolling_5h', 'week', 'cycle'];

/** "80 requests per 5 h, 400 requests a week, 10,000,000 tokens a month": the shortest window first. */
export const describeLimits = (limits: readonly Limit[]) =>
  [...limits].sort((a, b) => SHORTEST_FIRST.indexOf(a.window) - SHORTEST_FIRST.indexOf(b.window)).map((l) => `${formatTokens(l.cap)} ${l.unit} ${PER[l.window]}`).join(', ');

/** "¥49.00 a month (¥9.90 the first)", or the price alone when there is no promotion. */
export function describePrice(p: SubscriptionPlan): string {
  const monthly = `${formatMoney(p.price)} a month`;
  return p.first_period_price.amount_minor === p.price.amount_minor ? monthly : `${monthly} (${formatMoney(p.first_period_price)} the first)`;
}
