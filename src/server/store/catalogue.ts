/** The plan catalogue the reference server sells, seeded at start (the 400,000-tokens-for-¥1 pack and three tiers). */
import type { Plan } from '../../shared/wire.js';
import type { Sql } from './sql.js';

/** The seeded catalogue: the ¥1 pack carriers advertise, and three tiers above it. */
export const SEED_PLANS: readonly Plan[] = [
  { id: 'starter', name: 'Starter pack', description: '400,000 tokens for ¥1, valid 30 days', tokens: 400_000, price: { amount_minor: 100, currency: 'CNY' }, validity_days: 30 },
  { id: 'basic', name: 'Basic', description: '5 million tokens, valid 30 days', tokens: 5_000_000, price: { amount_minor: 1_000, currency: 'CNY' }, validity_days: 30 },
  { id: 'pro', name: 'Pro', description: '60 million tokens, valid 90 days', tokens: 60_000_000, price: { amount_minor: 10_000, currency: 'CNY' }, validity_days: 90 },
  { id: 'max', name: 'Max', description: '700 million tokens, valid one year', tokens: 700_000_000, price: { amount_minor: 100_000, currency: 'CNY' }, validity_days: 365 },
];

interface PlanRow {
  id: string;
  name: string;
  description: string;
  tokens: number;
  price_minor: number;
  currency: string;
  validity_days: number;
}

const toPlan = (r: PlanRow): Plan => ({
  id: r.id,
  name: r.name,
  description: r.description,
  tokens: r.tokens,
  price: { amount_minor: r.price_minor, currency: r.currency },
  validity_days: r.validity_days,
});

/** Adds the seeded plans a database lacks; plans it has are left as they are. */
export async function seedPlans(db: Sql): Promise<void> {
  for (const [i, p] of SEED_PLANS.entries()) {
    await db.run(
      `INSERT INTO plans (id, name, description, tokens, price_minor, currency, validity_days, sort_order)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      [p.id, p.name, p.description, p.tokens, p.price.amount_minor, p.price.currency, p.validity_days, i],
    );
  }
}

export const listPlans = async (db: Sql): Promise<Plan[]> => (await db.all<PlanRow>('SELECT * FROM plans ORDER BY sort_order, id')).map(toPlan);

export async function getPlan(db: Sql, id: string): Promise<Plan | undefined> {
  const row = await db.get<PlanRow>('SELECT * FROM plans WHERE id = ?', [id]);
  return row && toPlan(row);
}
