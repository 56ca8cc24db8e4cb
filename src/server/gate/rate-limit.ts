/**
 * Gate step 2: requests per user per minute, in fixed one-minute windows. The embedded
 * server counts in memory (one process); on PostgreSQL the count is one upsert per request,
 * so several processes share one limit.
 */
import type { Database } from '../db';
import { ApiError } from '../http/problem';

const WINDOW_MS = 60_000;

export interface RateLimiter {
  /** Counts one hit on bucket; throws rate_limited (with Retry-After) past limit. */
  hit(bucket: string, limit: number, now: number): Promise<void>;
}

function reject(now: number): never {
  const windowEnd = Math.floor(now / WINDOW_MS) * WINDOW_MS + WINDOW_MS;
  const retryAfterS = Math.max(1, Math.ceil((windowEnd - now) / 1000));
  throw new ApiError('rate_limited', `Too many requests; retry in ${retryAfterS} s.`, { retryAfterS });
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { start: number; hits: number }>();

  async hit(bucket: string, limit: number, now: number): Promise<void> {
    const start = Math.floor(now / WINDOW_MS) * WINDOW_MS;
    let w = this.windows.get(bucket);
    if (!w || w.start !== start) {
      if (this.windows.size > 100_000) this.sweep(start);
      w = { start, hits: 0 };
      this.windows.set(bucket, w);
    }
    w.hits++;
    if (w.hits > limit) reject(now);
  }

  private sweep(currentStart: number): void {
    for (const [k, w] of this.windows) if (w.start !== currentStart) this.windows.delete(k);
  }
}

export class DatabaseRateLimiter implements RateLimiter {
  private lastCleanup = 0;
  constructor(private readonly db: Database) {}

  async hit(bucket: string, limit: number, now: number): Promise<void> {
    const start = Math.floor(now / WINDOW_MS) * WINDOW_MS;
    const row = await this.db.transaction((tx) =>
      tx.get<{ hits: number }>(
      `INSERT INTO rate_windows (bucket, window_start, hits) VALUES (?, ?, 1)
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_windows.hits + 1
       RETURNING hits`,
      [bucket, start],
      ),
    );
    if (now - this.lastCleanup > WINDOW_MS) {
      this.lastCleanup = now;
      await this.db.run('DELETE FROM rate_windows WHERE window_start < ?', [start - WINDOW_MS]);
    }
    if ((row?.hits ?? 0) > limit) reject(now);
  }
}
