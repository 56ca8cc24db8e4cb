/**
 * The credits ledger. Every movement of a user's credits is an entry (grant, reserve, charge,
 * refund) written in the same transaction as the balance columns it moves, so for every user
 *   granted = available + reserved + charged
 * and each balance equals the sum of its entries (see ledger/audit.ts). Unique partial indexes
 * make the database refuse a second reservation or a second settlement of one generation.
 */
import type { Queryable } from '../db';
import { newId } from '../util/crypto';
import { dayOf } from '../util/time';

export type EntryKind = 'grant' | 'reserve' | 'charge' | 'refund';

async function entry(
  tx: Queryable,
  e: { userId: string; generationId: string | null; kind: EntryKind; amount: number; reason: string | null; now: number },
): Promise<void> {
  await tx.run(
    'INSERT INTO ledger_entries (id, user_id, generation_id, kind, amount, day, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [newId('le'), e.userId, e.generationId, e.kind, e.amount, dayOf(e.now), e.reason, e.now],
  );
}

/** Adds (or, negative, removes) available credits. False when it would take available below 0. */
export async function grant(tx: Queryable, userId: string, amount: number, reason: string, now: number): Promise<boolean> {
  const changed = await tx.run(
    'UPDATE users SET available = available + ?, granted = granted + ? WHERE id = ? AND available + ? >= 0',
    [amount, amount, userId, amount],
  );
  if (changed !== 1) return false;
  await entry(tx, { userId, generationId: null, kind: 'grant', amount, reason, now });
  return true;
}

/** Moves amount from available to reserved. False (nothing written) when not enough is available. */
export async function reserve(tx: Queryable, userId: string, generationId: string, amount: number, now: number): Promise<boolean> {
  const changed = await tx.run(
    'UPDATE users SET available = available - ?, reserved = reserved + ? WHERE id = ? AND available >= ?',
    [amount, amount, userId, amount],
  );
  if (changed !== 1) return false;
  await entry(tx, { userId, generationId, kind: 'reserve', amount, reason: null, now });
  return true;
}

/** A reservation becomes spent. Call only from the transaction that finished the generation. */
export async function charge(tx: Queryable, userId: string, generationId: string, amount: number, now: number): Promise<void> {
  await tx.run('UPDATE users SET reserved = reserved - ?, charged = charged + ? WHERE id = ?', [amount, amount, userId]);
  await entry(tx, { userId, generationId, kind: 'charge', amount, reason: null, now });
}

/**
 * A reservation comes back to available, and to the daily budgets of the day it was taken
 * from. Call only from the transaction that finished the generation.
 */
export async function refund(
  tx: Queryable,
  g: { userId: string; generationId: string; amount: number; reservedDay: string },
  now: number,
): Promise<void> {
  await tx.run('UPDATE budget_days SET refunded = refunded + ? WHERE day = ?', [g.amount, g.reservedDay]);
  await tx.run('UPDATE user_days SET refunded = refunded + ? WHERE user_id = ? AND day = ?', [g.amount, g.userId, g.reservedDay]);
  await tx.run('UPDATE users SET reserved = reserved - ?, available = available + ? WHERE id = ?', [g.amount, g.amount, g.userId]);
  await entry(tx, { userId: g.userId, generationId: g.generationId, kind: 'refund', amount: g.amount, reason: null, now });
}

export async function balance(db: Queryable, userId: string): Promise<{ available: number; reserved: number } | undefined> {
  return db.get<{ available: number; reserved: number }>('SELECT available, reserved FROM users WHERE id = ?', [userId]);
}
