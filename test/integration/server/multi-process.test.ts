/**
 * Several server processes on one PostgreSQL behave as one: a race of concurrent submissions
 * spread over two processes never overspends a user's credits, the global daily budget or a
 * user's daily cap, one idempotency key makes one generation whichever process gets it, and a
 * clip one process downloaded is served by the other (each has its own data dir).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDatabase } from '../../../src/server/db/postgres';
import { auditLedger } from '../../../src/server/ledger/audit';
import { CLIP } from './helpers/fake-provider';
import { ADMIN_TOKEN } from './helpers/harness';
import { freshPostgresDatabase } from './helpers/postgres';
import { spawnServer, type ServerProcess } from './helpers/processes';
import { waitFor } from './helpers/wait-for';

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
  const dataDirs = [mkdtempSync(join(tmpdir(), 'shotlist-a-')), mkdtempSync(join(tmpdir(), 'shotlist-b-'))];
  const webhookSecret = `whsec_${randomBytes(24).toString('base64')}`;
  beforeAll(async () => {
    dbUrl = await freshPostgresDatabase();
    const env = { SHOTLIST_DATABASE_URL: dbUrl, SHOTLIST_ADMIN_TOKEN: ADMIN_TOKEN, SHOTLIST_RATE_LIMIT_PER_MIN: '10000', SHOTLIST_WEBHOOK_SECRET: webhookSecret };
    // Start one first so the other finds the schema migrated (they would also serialize on the migration lock).
    a = await spawnServer({ ...env, SHOTLIST_DATA_DIR: dataDirs[0]! });
    b = await spawnServer({ ...env, SHOTLIST_DATA_DIR: dataDirs[1]! });
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
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

  /** Delivers a provider event to one process, signed as the provider signs it. */
  async function deliver(url: string, event: unknown, id: string) {
    const payload = JSON.stringify(event);
    const now = new Date();
    const res = await fetch(`${url}/v1/webhooks/provider`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': new Webhook(webhookSecret).sign(id, now, payload),
      },
      body: payload,
    });
    return { status: res.status, body: (await res.json()) as { result?: string } };
  }

  /** A generation submitted through `via`, once its provider task is recorded. */
  async function submitted(via: string, token: string): Promise<{ id: string; providerTaskId: string }> {
    const res = await call(via, 'POST', '/v1/generations', token, { prompt: PROMPT, durationSeconds: 4 }, { 'idempotency-key': `clip-${Math.random()}` });
    expect(res.status).toBe(202);
    const db = await PostgresDatabase.open(dbUrl);
    try {
      const providerTaskId = await waitFor('the provider task id', async () => {
        const row = await db.get<{ provider_task_id: string | null }>('SELECT provider_task_id FROM generations WHERE id = ?', [res.body.id]);
        return row?.provider_task_id ?? undefined;
      });
      return { id: res.body.id, providerTaskId };
    } finally {
      await db.close();
    }
  }

  async function settlements(generationId: string): Promise<string[]> {
    const db = await PostgresDatabase.open(dbUrl);
    try {
      const rows = await db.all<{ kind: string }>(`SELECT kind FROM ledger_entries WHERE generation_id = ? AND kind <> 'reserve'`, [generationId]);
      return rows.map((r) => r.kind);
    } finally {
      await db.close();
    }
  }

  it('a clip downloaded by one process is served by the other, whole and by range', async () => {
    await call(a.url, 'PUT', '/v1/admin/gate', ADMIN_TOKEN, { generationEnabled: true });
    await call(a.url, 'PUT', '/v1/admin/budget', ADMIN_TOKEN, { dailyCreditCap: null, userDailyCreditCap: null });
    const u = await user(100);
    const g = await submitted(b.url, u.token);
    const succeeded = { type: 'task.succeeded', data: { providerTaskId: g.providerTaskId, videoUrl: 'fake://clip/shared' } };
    // A downloads and stores the clip; the sender's retry of the same delivery reaching B changes nothing.
    expect(await deliver(a.url, succeeded, `msg_${g.id}`)).toEqual({ status: 200, body: { result: 'applied' } });
    expect((await deliver(b.url, succeeded, `msg_${g.id}_retry`)).status).toBe(200);
    expect(await settlements(g.id)).toEqual(['charge']);

    const done = (await call(b.url, 'GET', `/v1/generations/${g.id}`, u.token)).body;
    expect(done.status).toBe('succeeded');
    expect(done.videoUrl.startsWith(`${b.url}/v1/videos/`)).toBe(true);
    const whole = await fetch(done.videoUrl);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-length')).toBe(String(CLIP.byteLength));
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(CLIP);
    const part = await fetch(done.videoUrl, { headers: { range: 'bytes=4-11' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 4-11/${CLIP.byteLength}`);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(CLIP.subarray(4, 12));
    const tail = await fetch(done.videoUrl, { headers: { range: 'bytes=-3' } });
    expect(tail.status).toBe(206);
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(CLIP.subarray(-3));
    const beyond = await fetch(done.videoUrl, { headers: { range: `bytes=${CLIP.byteLength}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get('content-range')).toBe(`bytes */${CLIP.byteLength}`);
    // Neither process kept the clip in its data dir.
    expect(dataDirs.map((dir) => existsSync(join(dir, 'videos')))).toEqual([false, false]);
  });

  it('one delivery reaching both processes at once downloads twice, stores one clip and charges once; both answer 200', async () => {
    const u = await user(100);
    const g = await submitted(a.url, u.token);
    const succeeded = { type: 'task.succeeded', data: { providerTaskId: g.providerTaskId, videoUrl: 'fake://clip/both' } };
    const answers = await Promise.all([deliver(a.url, succeeded, `msg_${g.id}`), deliver(b.url, succeeded, `msg_${g.id}`)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(answers.map((r) => r.body.result)).toContain('applied');
    expect(await settlements(g.id)).toEqual(['charge']);
    const done = (await call(a.url, 'GET', `/v1/generations/${g.id}`, u.token)).body;
    const viaB = new URL(done.videoUrl);
    const whole = await fetch(`${b.url}${viaB.pathname}${viaB.search}`);
    expect(new Uint8Array(await whole.arrayBuffer())).toEqual(CLIP);
  });
});
