/**
 * Subscription plans and the subscriptions accounts take out: a monthly price with a first-period
 * promotion, limits counted against several windows at once, the cycle anchored on the day of
 * subscribing in the plan's time zone. Auto-renew is off by default, as the vendors sell it.
 */
import type { Limit, Subscription, SubscriptionPlan } from '../../shared/quota.js';
import type { PaymentMethod } from '../../shared/billing.js';
import { cycleBounds, periodStart } from '../../tokens/windows.js';
import { newId } from './accounts.js';
import { monthOf, recordCharge, type Paid } from './charges.js';
import { scalar, type Sql } from './sql.js';

const ZONE = 'Asia/Shanghai';
const cny = (amount_minor: number) => ({ amount_minor, currency: 'CNY' });
const limits = (rolling: number, week: number, cycleTokens: number): Limit[] => [
  { unit: 'requests', window: 'rolling_5h', cap: rolling },
  { unit: 'requests', window: 'week', cap: week },
  { unit: 'tokens', window: 'cycle', cap: cycleTokens },
];

/** A three-tier coding-plan family shaped like GLM's and Bailian's: prompts per 5 h and per week, tokens per month. */
export const SEED_SUBSCRIPTION_PLANS: readonly SubscriptionPlan[] = [
  { id: 'lite-monthly', kind: 'subscription', name: 'Lite', description: '80 requests per 5 h, 400 a week, 10M tokens a month', price: cny(4_900), first_period_price: cny(990), time_zone: ZONE, limits: limits(80, 400, 10_000_000) },
  { id: 'pro-monthly', kind: 'subscription', name: 'Pro', description: '400 requests per 5 h, 2,000 a week, 40M tokens a month', price: cny(14_900), first_period_price: cny(3_990), time_zone: ZONE, limits: limits(400, 2_000, 40_000_000) },
  { id: 'max-monthly', kind: 'subscription', name: 'Max', description: '1,600 requests per 5 h, 8,000 a week, 80M tokens a month', price: cny(46_900), first_period_price: cny(46_900), time_zone: ZONE, limits: limits(1_600, 8_000, 80_000_000) },
];

interface PlanRow {
  id: string;
  name: string;
  description: string;
  price_minor: number;
  first_period_price_minor: number;
  currency: string;
  time_zone: string;
}

/** Adds the seeded subscription plans a database lacks. */
export async function seedSubscriptionPlans(db: Sql): Promise<void> {
  for (const [i, p] of SEED_SUBSCRIPTION_PLANS.entries()) {
    await db.run(
      `INSERT INTO subscription_plans (id, name, description, price_minor, first_period_price_minor, currency, time_zone, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      [p.id, p.name, p.description, p.price.amount_minor, p.first_period_price.amount_minor, p.price.currency, p.time_zone, i],
    );
    for (const l of p.limits) await db.run('INSERT INTO subscription_plan_limits (plan_id, unit, quota_window, cap) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', [p.id, l.unit, l.window, l.cap]);
  }
}

async function toPlan(db: Sql, r: PlanRow): Promise<SubscriptionPlan> {
  const rows = await db.all<Limit>('SELECT unit, quota_window AS window, cap FROM subscription_plan_limits WHERE plan_id = ? ORDER BY quota_window, unit', [r.id]);
  return { id: r.id, kind: 'subscription', name: r.name, description: r.description, price: { amount_minor: r.price_minor, currency: r.currency }, first_period_price: { amount_minor: r.first_period_price_minor, currency: r.currency }, time_zone: r.time_zone, limits: rows };
}

export async function listSubscriptionPlans(db: Sql): Promise<SubscriptionPlan[]> {
  const rows = await db.all<PlanRow>('SELECT * FROM subscription_plans ORDER BY sort_order, id');
  const plans: SubscriptionPlan[] = [];
  for (const r of rows) plans.push(await toPlan(db, r));
  return plans;
}

export async function getSubscriptionPlan(db: Sql, id: string): Promise<SubscriptionPlan | undefined> {
  const row = await db.get<PlanRow>('SELECT * FROM subscription_plans WHERE id = ?', [id]);
  return row && toPlan(db, row);
}

interface SubscriptionRow {
  id: string;
  plan_id: string;
  auto_renew: number;
  started_at: string;
  ends_at: string;
  price_minor: number;
  currency: string;
  time_zone: string;
}

/** A subscription with what admission needs: its limits and where its windows are reckoned. */
export interface ActiveSubscription extends Subscription {
  limits: Limit[];
}

async function toSubscription(db: Sql, r: SubscriptionRow, now: Date): Promise<ActiveSubscription> {
  const started = Date.parse(r.started_at);
  const ended = Date.parse(r.ends_at) <= now.getTime();
  // An ended subscription shows its last period; an active one the period holding now.
  const cycle = cycleBounds(started, Math.min(now.getTime(), Date.parse(r.ends_at) - 1), r.time_zone);
  return {
    id: r.id,
    plan_id: r.plan_id,
    status: ended ? 'ended' : 'active',
    auto_renew: r.auto_renew === 1,
    time_zone: r.time_zone,
    started_at: r.started_at,
    current_period_start: new Date(cycle.start).toISOString(),
    current_period_end: new Date(cycle.end).toISOString(),
    price: { amount_minor: r.price_minor, currency: r.currency },
    limits: (await getSubscriptionPlan(db, r.plan_id))?.limits ?? [],
  };
}

/** The account's latest subscription, active or ended; undefined when it never had one. */
export async function latestSubscription(db: Sql, accountId: string, now: Date): Promise<ActiveSubscription | undefined> {
  const row = await db.get<SubscriptionRow>(
    `SELECT s.*, p.time_zone FROM subscriptions s JOIN subscription_plans p ON p.id = s.plan_id
     WHERE s.account_id = ? ORDER BY s.ends_at DESC, s.rowid DESC LIMIT 1`,
    [accountId],
  );
  return row && toSubscription(db, row, now);
}

/** A subscription as the API shows it: its limits belong to its plan. */
export const toWireSubscription = ({ limits: _limits, ...subscription }: ActiveSubscription): Subscription => subscription;

export async function activeSubscription(db: Sql, accountId: string, now: Date): Promise<ActiveSubscription | undefined> {
  const s = await latestSubscription(db, accountId, now);
  return s?.status === 'active' ? s : undefined;
}

/**
 * Renews an auto-renewing subscription whose paid period has ended, at the plan's regular price,
 * through to the period holding now. Renewal happens when the account is next seen (admission,
 * GET /v1/quota), which bills the same as a timer at the boundary would. It writes only when due, one
 * UPDATE to a value computed from the subscription's start, so racing renewals agree and a read
 * path may call it without a transaction.
 */
export async function renewDue(db: Sql, accountId: string, now: Date): Promise<void> {
  const sub = await latestSubscription(db, accountId, now);
  if (!sub || sub.status === 'active' || !sub.auto_renew) return;
  const plan = (await getSubscriptionPlan(db, sub.plan_id))!;
  const anchor = Date.parse(sub.started_at);
  const renewed = cycleBounds(anchor, now.getTime(), sub.time_zone);
  await db.run('UPDATE subscriptions SET ends_at = ?, price_minor = ? WHERE id = ?', [new Date(renewed.end).toISOString(), plan.price.amount_minor, sub.id]);
  // A renewal is paid the way the subscription was first paid: a phone-bill subscription renews on
  // the phone bill (agreed to with its first code, as carriers' monthly plans do), within its cap.
  const paymentMethod = (await scalar<PaymentMethod | undefined>(db, 'SELECT payment_method FROM charges WHERE account_id = ? AND reference = ?', [accountId, sub.id])) ?? 'instant';
  // One charge per period renewed, dated at its start; the reference names the period, so racing renewals charge once.
  for (let k = cycleBounds(anchor, Date.parse(sub.current_period_end), sub.time_zone).index; k <= renewed.index; k++) {
    const at = new Date(periodStart(anchor, k, sub.time_zone));
    await recordCharge(db, { accountId, orderId: sub.id, reference: `${sub.id}/period/${k}`, description: `Token Plan: ${plan.name} subscription, renewal ${monthOf(at)}`, amount: plan.price, at, paymentMethod });
  }
}

/** Auto-renew on, or off: off is how a subscription is cancelled at the end of the period paid for. */
export async function setAutoRenew(db: Sql, subscriptionId: string, on: boolean): Promise<void> {
  await db.run('UPDATE subscriptions SET auto_renew = ? WHERE id = ?', [on ? 1 : 0, subscriptionId]);
}

/**
 * Moves an active subscription to a dearer plan at once, charging the difference of the monthly
 * prices for the part of the period left, rounded up to the minor unit; in the caller's
 * transaction. The windows keep what they counted (usage carries over) and now count against the
 * new limits; the cycle keeps its day. Returns the charge.
 */
export async function upgrade(tx: Sql, sub: ActiveSubscription, to: SubscriptionPlan, now: Date): Promise<number> {
  const from = (await getSubscriptionPlan(tx, sub.plan_id))!;
  const start = Date.parse(sub.current_period_start);
  const end = Date.parse(sub.current_period_end);
  const charge = Math.ceil(((to.price.amount_minor - from.price.amount_minor) * (end - now.getTime())) / (end - start));
  await tx.run('UPDATE subscriptions SET plan_id = ?, price_minor = price_minor + ? WHERE id = ?', [to.id, charge, sub.id]);
  const accountId = await scalar<string>(tx, 'SELECT account_id FROM subscriptions WHERE id = ?', [sub.id]);
  await recordCharge(tx, { accountId, orderId: sub.id, reference: `${sub.id}/upgrade/${now.toISOString()}`, description: `Token Plan: ${to.name} subscription, upgrade from ${from.name} (prorated)`, amount: { amount_minor: charge, currency: to.price.currency }, at: now });
  return charge;
}

/** The line a new subscription makes on the phone bill and the statement. */
export const subscriptionBillLine = (plan: SubscriptionPlan) => `Token Plan: ${plan.name} subscription, first month`;

/** Starts a subscription at now, paid for its first period at the promotional price, and charges it; in the caller's transaction. */
export async function subscribe(tx: Sql, accountId: string, plan: SubscriptionPlan, now: Date, paid: Paid = {}): Promise<ActiveSubscription> {
  const id = newId('sub');
  const iso = now.toISOString();
  const end = new Date(periodStart(now.getTime(), 1, plan.time_zone)).toISOString();
  await tx.run(`INSERT INTO subscriptions (id, account_id, plan_id, auto_renew, started_at, ends_at, price_minor, currency, created_at) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?)`, [
    id,
    accountId,
    plan.id,
    iso,
    end,
    plan.first_period_price.amount_minor,
    plan.first_period_price.currency,
    iso,
  ]);
  await recordCharge(tx, { accountId, orderId: id, reference: id, description: subscriptionBillLine(plan), amount: plan.first_period_price, at: now, ...paid });
  return (await latestSubscription(tx, accountId, now))!;
}
