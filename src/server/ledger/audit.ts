/**
 * Recomputes every user's balances from the ledger entries and compares them with the stored
 * columns. An empty result means the books balance.
 */
import type { Queryable } from '../db';

export interface LedgerDiscrepancy {
  userId: string;
  what: string;
}

interface Row {
  id: string;
  granted: number;
  available: number;
  reserved: number;
  charged: number;
  e_grant: number | null;
  e_reserve: number | null;
  e_charge: number | null;
  e_refund: number | null;
}

export async function auditLedger(db: Queryable): Promise<LedgerDiscrepancy[]> {
  const rows = await db.all<Row>(
    `SELECT u.id, u.granted, u.available, u.reserved, u.charged,
            SUM(CASE WHEN e.kind = 'grant' THEN e.amount ELSE 0 END) AS e_grant,
            SUM(CASE WHEN e.kind = 'reserve' THEN e.amount ELSE 0 END) AS e_reserve,
            SUM(CASE WHEN e.kind = 'charge' THEN e.amount ELSE 0 END) AS e_charge,
            SUM(CASE WHEN e.kind = 'refund' THEN e.amount ELSE 0 END) AS e_refund
       FROM users u LEFT JOIN ledger_entries e ON e.user_id = u.id
      GROUP BY u.id, u.granted, u.available, u.reserved, u.charged`,
  );
  const out: LedgerDiscrepancy[] = [];
  for (const r of rows) {
    const grant = Number(r.e_grant ?? 0);
    const reserve = Number(r.e_reserve ?? 0);
    const chargeSum = Number(r.e_charge ?? 0);
    const refundSum = Number(r.e_refund ?? 0);
    if (r.granted !== r.available + r.reserved + r.charged) out.push({ userId: r.id, what: 'granted != available + reserved + charged' });
    if (r.granted !== grant) out.push({ userId: r.id, what: `granted ${r.granted} != grant entries ${grant}` });
    if (r.charged !== chargeSum) out.push({ userId: r.id, what: `charged ${r.charged} != charge entries ${chargeSum}` });
    if (r.reserved !== reserve - chargeSum - refundSum) out.push({ userId: r.id, what: `reserved ${r.reserved} != open reservations ${reserve - chargeSum - refundSum}` });
    if (r.available !== grant - reserve + refundSum) out.push({ userId: r.id, what: `available ${r.available} != entries ${grant - reserve + refundSum}` });
  }
  const unsettledTwice = await db.all<{ generation_id: string }>(
    `SELECT generation_id FROM ledger_entries WHERE kind IN ('charge', 'refund') GROUP BY generation_id HAVING COUNT(*) > 1`,
  );
  for (const u of unsettledTwice) out.push({ userId: '?', what: `generation ${u.generation_id} settled more than once` });
  const openMismatch = await db.all<{ id: string; user_id: string }>(
    `SELECT g.id, g.user_id FROM generations g
      WHERE (g.status IN ('queued', 'running')) = (EXISTS (SELECT 1 FROM ledger_entries e WHERE e.generation_id = g.id AND e.kind IN ('charge', 'refund')))`,
  );
  for (const g of openMismatch) out.push({ userId: g.user_id, what: `generation ${g.id}: open status and settlement disagree` });
  return out;
}
