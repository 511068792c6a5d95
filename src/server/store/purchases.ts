/** Purchases and the packs they grant: a pack of tokens × quantity that expires validity_days later. */
import type { Plan, Purchase } from '../../shared/wire.js';
import { newId } from './accounts.js';
import { recordCharge, type Paid } from './charges.js';
import type { Db } from './db.js';
import { prepared } from '../../sqlite/statements.js';

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
 * Records a paid purchase, its charge, and grants its pack, in the caller's transaction. A debt left
 * by an over-reporting upstream is repaid from the new pack first, so the account can draw again.
 */
export function recordPurchase(db: Db, accountId: string, plan: Plan, quantity: number, now: Date, paid: Paid = {}): Purchase {
  const purchaseId = newId('pur');
  const packId = newId('pack');
  const tokens = plan.tokens * quantity;
  const created = now.toISOString();
  const price = { amount_minor: plan.price.amount_minor * quantity, currency: plan.price.currency };
  prepared(db, 
    `INSERT INTO purchases (id, account_id, plan_id, quantity, tokens, price_minor, currency, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'succeeded', ?)`,
  ).run(purchaseId, accountId, plan.id, quantity, tokens, price.amount_minor, price.currency, created);
  recordCharge(db, { accountId, orderId: purchaseId, reference: purchaseId, description: packBillLine(plan, quantity), amount: price, at: now, ...paid });
  const expires = new Date(now.getTime() + plan.validity_days * DAY_MS).toISOString();
  const debt = (prepared(db, 'SELECT debt_tokens FROM accounts WHERE id = ?').pluck().get(accountId) as number) ?? 0;
  const repaid = Math.min(debt, tokens);
  prepared(db, 
    `INSERT INTO packs (id, account_id, purchase_id, plan_id, tokens_total, tokens_remaining, created_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(packId, accountId, purchaseId, plan.id, tokens, tokens - repaid, created, expires);
  const entry = prepared(db, 
    'INSERT INTO ledger_entries (account_id, pack_id, kind, tokens, reference, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  entry.run(accountId, packId, 'grant', tokens, purchaseId, created);
  if (repaid > 0) {
    prepared(db, 'UPDATE accounts SET debt_tokens = debt_tokens - ? WHERE id = ?').run(repaid, accountId);
    entry.run(accountId, packId, 'debt_repayment', -repaid, purchaseId, created);
  }
  return getPurchase(db, accountId, purchaseId)!;
}

export function getPurchase(db: Db, accountId: string, id: string): Purchase | undefined {
  const row = prepared(db, `${SELECT_PURCHASE} WHERE p.account_id = ? AND p.id = ?`).get(accountId, id) as PurchaseRow | undefined;
  return row && toPurchase(row);
}

export function listPurchases(db: Db, accountId: string): Purchase[] {
  const rows = prepared(db, `${SELECT_PURCHASE} WHERE p.account_id = ? ORDER BY p.created_at DESC, p.rowid DESC`).all(accountId) as PurchaseRow[];
  return rows.map(toPurchase);
}
