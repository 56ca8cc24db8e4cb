/** The one settings row: kill switch and budget caps (fresh server: closed, budget 0). */
import type { Budget } from '../../shared/contracts/api';
import type { Queryable } from '../db';

export interface GateSettings extends Budget {
  generationEnabled: boolean;
}

export async function readSettings(db: Queryable): Promise<GateSettings> {
  const row = await db.get<{ generation_enabled: number; daily_credit_cap: number | null; user_daily_credit_cap: number | null }>(
    'SELECT generation_enabled, daily_credit_cap, user_daily_credit_cap FROM settings WHERE id = 1',
  );
  if (!row) throw new Error('settings row missing');
  return {
    generationEnabled: row.generation_enabled === 1,
    dailyCreditCap: row.daily_credit_cap,
    userDailyCreditCap: row.user_daily_credit_cap,
  };
}

/**
 * The settings and the user's early-access flag as committed now, in one read for the gate's
 * transaction. undefined when the user no longer exists.
 */
export async function readGateState(tx: Queryable, userId: string): Promise<{ settings: GateSettings; earlyAccess: number } | undefined> {
  const [row] = await tx.tuples<[number, number | null, number | null, number]>(
    'SELECT s.generation_enabled, s.daily_credit_cap, s.user_daily_credit_cap, u.early_access FROM settings s, users u WHERE s.id = 1 AND u.id = ?',
    [userId],
  );
  if (!row) return undefined;
  return {
    settings: { generationEnabled: row[0] === 1, dailyCreditCap: row[1], userDailyCreditCap: row[2] },
    earlyAccess: row[3],
  };
}
