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
