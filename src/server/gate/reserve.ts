/** Gate step 7: reserve the credits and write the task record, in the gate's transaction. */
import type { Queryable } from '../db';
import { insertGeneration, type GenerationRow } from '../generations/store';
import { ApiError } from '../http/problem';
import { reserve } from '../ledger/ledger';

export async function reserveAndRecord(tx: Queryable, row: Parameters<typeof insertGeneration>[1]): Promise<ApiError | null> {
  const ok = await reserve(tx, row.user_id, row.id, row.credits, row.created_at);
  if (!ok) return new ApiError('insufficient_credits', `This generation needs ${row.credits} credits; not enough are available.`);
  await insertGeneration(tx, row);
  return null;
}

export type { GenerationRow };
