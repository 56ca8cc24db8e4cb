/**
 * Gate step 6: the global daily budget, then the user's daily cap. Credits reserved on a day
 * count against it until refunded. Each take is one conditional upsert, so the check and the
 * increment are one atomic step: on PostgreSQL ON CONFLICT DO UPDATE locks the row and checks
 * its WHERE against the newest committed version, so a concurrent taker waits and re-checks;
 * on SQLite the single writer does the same.
 */
import type { Queryable, SqlParam } from '../db';
import { ApiError } from '../http/problem';

/**
 * One upsert takes `amount` from a day's row: the first take of the day inserts the row, later
 * ones add to it only while the cap holds. A take bigger than the cap can never pass, whatever
 * the row says (reserved - refunded is never negative), so it is refused before writing.
 */
async function take(tx: Queryable, table: 'budget_days' | 'user_days', upsert: string, params: SqlParam[], amount: number, cap: number | null): Promise<boolean> {
  if (cap !== null && amount > cap) return false;
  const sql = cap === null ? upsert : `${upsert} WHERE ${table}.reserved - ${table}.refunded + ? <= ?`;
  return (await tx.run(sql, cap === null ? params : [...params, amount, cap])) === 1;
}

export async function takeGlobalBudget(tx: Queryable, day: string, amount: number, cap: number | null): Promise<ApiError | null> {
  const taken = await take(
    tx,
    'budget_days',
    'INSERT INTO budget_days (day, reserved, refunded) VALUES (?, ?, 0) ON CONFLICT (day) DO UPDATE SET reserved = budget_days.reserved + excluded.reserved',
    [day, amount],
    amount,
    cap,
  );
  return taken ? null : new ApiError('budget_exhausted', "Today's generation budget is used up.");
}

export async function takeUserBudget(tx: Queryable, userId: string, day: string, amount: number, cap: number | null): Promise<ApiError | null> {
  const taken = await take(
    tx,
    'user_days',
    'INSERT INTO user_days (user_id, day, reserved, refunded) VALUES (?, ?, ?, 0) ON CONFLICT (user_id, day) DO UPDATE SET reserved = user_days.reserved + excluded.reserved',
    [userId, day, amount],
    amount,
    cap,
  );
  return taken ? null : new ApiError('daily_cap_reached', 'Your daily credit cap is used up.');
}

/** Read-only: what is left today under both caps (null when neither is set). */
export async function dailyRemaining(
  db: Queryable,
  userId: string,
  day: string,
  caps: { dailyCreditCap: number | null; userDailyCreditCap: number | null },
): Promise<{ global: number | null; user: number | null; both: number | null }> {
  const g = await db.get<{ used: number }>('SELECT reserved - refunded AS used FROM budget_days WHERE day = ?', [day]);
  const u = await db.get<{ used: number }>('SELECT reserved - refunded AS used FROM user_days WHERE user_id = ? AND day = ?', [userId, day]);
  const global = caps.dailyCreditCap === null ? null : Math.max(0, caps.dailyCreditCap - Number(g?.used ?? 0));
  const user = caps.userDailyCreditCap === null ? null : Math.max(0, caps.userDailyCreditCap - Number(u?.used ?? 0));
  const both = global === null ? user : user === null ? global : Math.min(global, user);
  return { global, user, both };
}
