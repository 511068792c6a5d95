/** Purchases and the packs they grant: a pack of tokens × quantity that expires validity_days later. */
import type { Plan, Purchase } from '../../shared/wire.js';
import { newId } from './accounts.js';
import { recordCharge, type Paid } from './charges.js';
import { scalar, type Sql } from './sql.js';

const DAY_MS = 86_400_000;

interface PurchaseRow {
  id: string;
  plan_id: string;
  quantity: number;
  tokens: number;
  price_minor: number;
  currency: string;
  status: 'succeeded' | 'failed';
  created_at: string;
  pack_id: string;
  tokens_total: number;
  tokens_remaining: number;
  expires_at: string;
}

const toPurchase = (r: PurchaseRow): Purchase => ({
  id: r.id,
  plan_id: r.plan_id,
  quantity: r.quantity,
  tokens: r.tokens,
  price: { amount_minor: r.price_minor, currency: r.currency },
  status: r.status,
  created_at: r.created_at,
  pack: { id: r.pack_id, tokens_total: r.tokens_total, tokens_remaining: r.tokens_remaining, expires_at: r.expires_at },
});

const SELECT_PURCHASE = `
  SELECT p.*, k.id AS pack_id, k.tokens_total, k.tokens_remaining, k.expires_at
  FROM purchases p JOIN packs k ON k.purchase_id = p.id`;

/** The line a pack makes on the phone bill and the statement. */
export const packBillLine = (plan: Plan, quantity: number) => `Token Plan: ${plan.name}${quantity > 1 ? ` ×${quantity}` : ''}`;

/**
/**
 * Records a paid purchase, its charge, and grants its pack, in the caller's transaction (which takes
 * the account's lock here: the debt read below must not change before it is repaid). A debt left by
 * an over-reporting upstream is repaid from the new pack first, so the account can draw again.
 */
export async function recordPurchase(tx: Sql, accountId: string, plan: Plan, quantity: number, now: Date, paid: Paid = {}): Promise<Purchase> {
  await tx.lockAccount(accountId);
  const purchaseId = newId('pur');
  const packId = newId('pack');
  const tokens = plan.tokens * quantity;
  const created = now.toISOString();
  const price = { amount_minor: plan.price.amount_minor * quantity, currency: plan.price.currency };
  await tx.run(
    `INSERT INTO purchases (id, account_id, plan_id, quantity, tokens, price_minor, currency, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'succeeded', ?)`,
    [purchaseId, accountId, plan.id, quantity, tokens, price.amount_minor, price.currency, created],
  );
  await recordCharge(tx, { accountId, orderId: purchaseId, reference: purchaseId, description: packBillLine(plan, quantity), amount: price, at: now, ...paid });
  const expires = new Date(now.getTime() + plan.validity_days * DAY_MS).toISOString();
  const debt = (await scalar<number | undefined>(tx, 'SELECT debt_tokens FROM accounts WHERE id = ?', [accountId])) ?? 0;
  const repaid = Math.min(debt, tokens);
  await tx.run(
    `INSERT INTO packs (id, account_id, purchase_id, plan_id, tokens_total, tokens_remaining, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [packId, accountId, purchaseId, plan.id, tokens, tokens - repaid, created, expires],
  );
  const entry = (kind: string, n: number) =>
    tx.run('INSERT INTO ledger_entries (account_id, pack_id, kind, tokens, reference, created_at) VALUES (?, ?, ?, ?, ?, ?)', [accountId, packId, kind, n, purchaseId, created]);
  await entry('grant', tokens);
  if (repaid > 0) {
    await tx.run('UPDATE accounts SET debt_tokens = debt_tokens - ? WHERE id = ?', [repaid, accountId]);
    await entry('debt_repayment', -repaid);
  }
  return (await getPurchase(tx, accountId, purchaseId))!;
}

export async function getPurchase(db: Sql, accountId: string, id: string): Promise<Purchase | undefined> {
  const row = await db.get<PurchaseRow>(`${SELECT_PURCHASE} WHERE p.account_id = ? AND p.id = ?`, [accountId, id]);
  return row && toPurchase(row);
}

export async function listPurchases(db: Sql, accountId: string): Promise<Purchase[]> {
  return (await db.all<PurchaseRow>(`${SELECT_PURCHASE} WHERE p.account_id = ? ORDER BY p.created_at DESC, p.rowid DESC`, [accountId])).map(toPurchase);
}
