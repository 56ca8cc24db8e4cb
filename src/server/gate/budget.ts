/**
 * Gate step 6: the global daily budget, then the user's daily cap. Credits reserved on a day
 * count against it until refunded. Each take is one conditional UPDATE, so the check and the
 * increment are one atomic step: on PostgreSQL the row lock makes a concurrent taker wait and
 * re-check against the committed count; on SQLite the single writer does the same.
 */
import type { Queryable } from '../db';
import { ApiError } from '../http/problem';

export async function takeGlobalBudget(tx: Queryable, day: string, amount: number, cap: number | null): Promise<ApiError | null> {
  await tx.run('INSERT INTO budget_days (day, reserved, refunded) VALUES (?, 0, 0) ON CONFLICT (day) DO NOTHING', [day]);
  const taken =
    cap === null
      ? await tx.run('UPDATE budget_days SET reserved = reserved + ? WHERE day = ?', [amount, day])
      : await tx.run('UPDATE budget_days SET reserved = reserved + ? WHERE day = ? AND reserved - refunded + ? <= ?', [amount, day, amount, cap]);
  return taken === 1 ? null : new ApiError('budget_exhausted', "Today's generation budget is used up.");
}

export async function takeUserBudget(tx: Queryable, userId: string, day: string, amount: number, cap: number | null): Promise<ApiError | null> {
  await tx.run('INSERT INTO user_days (user_id, day, reserved, refunded) VALUES (?, ?, 0, 0) ON CONFLICT (user_id, day) DO NOTHING', [userId, day]);
  const taken =
    cap === null
      ? await tx.run('UPDATE user_days SET reserved = reserved + ? WHERE user_id = ? AND day = ?', [amount, userId, day])
      : await tx.run('UPDATE user_days SET reserved = reserved + ? WHERE user_id = ? AND day = ? AND reserved - refunded + ? <= ?', [
          amount,
          userId,
          day,
          amount,
          cap,
        ]);
  return taken === 1 ? null : new ApiError('daily_cap_reached', 'Your daily credit cap is used up.');
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
