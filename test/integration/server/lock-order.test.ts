/**
 * On PostgreSQL every transaction that moves a user's credits locks the rows it shares with
 * others in one order (budget day, user day, user), so gates and settlements racing for one user
 * wait for each other but never deadlock (a deadlock would be retried, at a cost). The history
 * version trigger runs at COMMIT for this reason. Checked with PostgreSQL's own deadlock count.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../../../src/server/db/postgres';
import { passGate } from '../../../src/server/gate/submit';
import { settle } from '../../../src/server/generations/store';
import { auditLedger } from '../../../src/server/ledger/audit';
import { grant } from '../../../src/server/ledger/ledger';
import { freshPostgresDatabase } from './helpers/postgres';

const keys = { promptHashKey: Buffer.alloc(32, 1), requestHashKey: Buffer.alloc(32, 2) };

async function deadlocks(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query('SELECT pg_stat_force_next_flush()');
    await c.query('SELECT pg_stat_clear_snapshot()');
    const r = await c.query<{ deadlocks: string }>('SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()');
    return Number(r.rows[0]!.deadlocks);
  } finally {
    await c.end();
  }
}

describe('lock order on PostgreSQL', () => {
  let url: string;
  let db: PostgresDatabase;
  beforeAll(async () => {
    url = await freshPostgresDatabase();
    db = await PostgresDatabase.open(url, { maxConnections: 20 });
  });
  afterAll(async () => {
    await db?.close();
  });

  it('gates and refunds racing for one user, under a daily budget, never deadlock', async () => {
    const now = Date.now();
    await db.transaction(async (tx) => {
      await tx.run('UPDATE settings SET generation_enabled = 1, daily_credit_cap = 1000000, user_daily_credit_cap = 1000000');
      await tx.run('INSERT INTO users (id, name, early_access, created_at) VALUES (?, ?, 1, ?)', ['u1', 'racer', now]);
      await grant(tx, 'u1', 100_000, 'race', now);
    });
    const submit = (i: number) =>
      passGate(db, {
        user: { id: 'u1' },
        idempotencyKey: `k-${i}`,
        body: { prompt: `a lighthouse at dusk, take ${i}`, durationSeconds: 4 },
        providerName: 'fake',
        submitWindowMs: 1000,
        keys,
        now: Date.now(),
      });
    const first = await Promise.all(Array.from({ length: 40 }, (_, i) => submit(i)));
    const before = await deadlocks(url);

    const refunds = first.map((o) =>
      db.transaction((tx) => settle(tx, o.row.id, { status: 'failed', error: { code: 'provider_failed', message: 'x' } }, Date.now())),
    );
    const more = Array.from({ length: 40 }, (_, i) => submit(100 + i));
    await Promise.all([...refunds, ...more]);

    expect(await deadlocks(url)).toBe(before);
    expect(await auditLedger(db)).toEqual([]);
  });
});
