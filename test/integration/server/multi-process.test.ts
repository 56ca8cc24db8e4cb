/**
 * Several server processes on one PostgreSQL behave as one: a race of concurrent submissions
 * spread over two processes never overspends a user's credits, the global daily budget or a
 * user's daily cap, and one idempotency key makes one generation whichever process gets it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../../../src/server/db/postgres';
import { auditLedger } from '../../../src/server/ledger/audit';
import { ADMIN_TOKEN } from './helpers/harness';
import { freshPostgresDatabase } from './helpers/postgres';
import { spawnServer, type ServerProcess } from './helpers/processes';

const PROMPT = 'A lighthouse at dusk, slow dolly in, warm light';

async function call(url: string, method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as any };
}

describe('two server processes on one PostgreSQL', () => {
  let dbUrl: string;
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    dbUrl = await freshPostgresDatabase();
    const env = { SHOTLIST_DATABASE_URL: dbUrl, SHOTLIST_ADMIN_TOKEN: ADMIN_TOKEN, SHOTLIST_RATE_LIMIT_PER_MIN: '10000' };
    // Start one first so the other finds the schema migrated (they would also serialize on the migration lock).
    a = await spawnServer(env);
    b = await spawnServer(env);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  async function user(credits: number): Promise<{ id: string; token: string }> {
    const u = (await call(a.url, 'POST', '/v1/admin/users', ADMIN_TOKEN, { name: 'racer' })).body;
    await call(b.url, 'POST', `/v1/admin/users/${u.id}/credits`, ADMIN_TOKEN, { amount: credits, reason: 'race' });
    await call(a.url, 'PUT', `/v1/admin/users/${u.id}/early-access`, ADMIN_TOKEN, { enabled: true });
    return u;
  }

  async function race(tokens: string[], perToken: number, durationSeconds: number, key?: string) {
    const jobs = [];
    for (let i = 0; i < perToken; i++) {
      for (const [t, token] of tokens.entries()) {
        const url = (i + t) % 2 === 0 ? a.url : b.url;
        jobs.push(call(url, 'POST', '/v1/generations', token, { prompt: PROMPT, durationSeconds }, { 'idempotency-key': key ?? `k-${t}-${i}-${Math.random()}` }));
      }
    }
    return Promise.all(jobs);
  }

  it('never overspends credits, the global budget or the user cap', async () => {
    await call(a.url, 'PUT', '/v1/admin/gate', ADMIN_TOKEN, { generationEnabled: true });
    await call(b.url, 'PUT', '/v1/admin/budget', ADMIN_TOKEN, { dailyCreditCap: null, userDailyCreditCap: null });
    // Credits: 50 credits, 30 concurrent 8-credit submissions → exactly 6 fit.
    const rich = await user(50);
    const credits = await race([rich.token], 30, 8);
    expect(credits.filter((r) => r.status === 202).length).toBe(6);
    expect(credits.filter((r) => r.status === 402).every((r) => r.body.code === 'insufficient_credits')).toBe(true);
    expect(credits.filter((r) => r.status !== 202 && r.status !== 402)).toEqual([]);

    // User daily cap: 20 credits a day, plenty of credits → exactly 5 of 4 credits fit.
    await call(a.url, 'PUT', '/v1/admin/budget', ADMIN_TOKEN, { dailyCreditCap: null, userDailyCreditCap: 20 });
    const capped = await user(1000);
    const cap = await race([capped.token], 20, 4);
    expect(cap.filter((r) => r.status === 202).length).toBe(5);
    expect(cap.filter((r) => r.status !== 202).every((r) => r.body.code === 'daily_cap_reached')).toBe(true);

    // Global budget: whatever was reserved so far today + 40 more, shared by three users racing.
    const spend = (await call(a.url, 'GET', '/v1/admin/spend', ADMIN_TOKEN)).body;
    const used = spend.today.reserved - spend.today.refunded;
    await call(b.url, 'PUT', '/v1/admin/budget', ADMIN_TOKEN, { dailyCreditCap: used + 40, userDailyCreditCap: null });
    const users = await Promise.all([user(100), user(100), user(100)]);
    const global = await race(users.map((u) => u.token), 8, 2);
    expect(global.filter((r) => r.status === 202).length).toBe(20);
    expect(global.filter((r) => r.status !== 202).every((r) => r.body.code === 'budget_exhausted')).toBe(true);

    const db = await PostgresDatabase.open(dbUrl);
    try {
      expect(await auditLedger(db)).toEqual([]);
      const row = await db.get<{ used: number }>('SELECT reserved - refunded AS used FROM budget_days');
      expect(Number(row!.used)).toBe(used + 40);
    } finally {
      await db.close();
    }
  });

  it('one idempotency key sent to both processes at once makes one generation', async () => {
    await call(a.url, 'PUT', '/v1/admin/budget', ADMIN_TOKEN, { dailyCreditCap: null, userDailyCreditCap: null });
    const u = await user(100);
    const results = await race([u.token], 10, 2, 'shared-key');
    const ids = new Set(results.filter((r) => r.status === 200 || r.status === 202).map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.status === 202).length).toBe(1);
    expect(results.every((r) => [200, 202, 409].includes(r.status))).toBe(true);
    const me = (await call(b.url, 'GET', '/v1/me', u.token)).body;
    expect(me.credits).toEqual({ available: 98, reserved: 2 });
  });
});
