/** startGatedServer's devUser option (local development only): a signed-in-ready user and an open gate. */
import { describe, expect, it } from 'vitest';
import { GateState, Me } from '../../../src/shared/contracts/api';
import { DEV_USER_ID } from '../../../src/server/dev-user';
import { auditLedger } from '../../../src/server/ledger/audit';
import { startGatedServer, type StartOptions } from '../../../src/server/start';
import { testTempDir } from '../../helpers/temp-dir';
import { FakeProvider } from './helpers/fake-provider';
import { ENGINES } from './helpers/harness';
import { freshPostgresDatabase } from './helpers/postgres';

async function call(url: string, method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

describe.each(ENGINES)('the dev user option on %s', (engine) => {
  async function place(): Promise<Pick<StartOptions, 'dataDir' | 'env'>> {
    const dataDir = testTempDir('shotlist-dev-');
    return { dataDir, env: engine === 'postgres' ? { SHOTLIST_DATABASE_URL: await freshPostgresDatabase() } : {} };
  }
  const start = (where: Pick<StartOptions, 'dataDir' | 'env'>, extra: Partial<StartOptions> = {}) =>
    startGatedServer({ ...where, port: 0, host: '127.0.0.1', provider: new FakeProvider(), sweeper: false, ...extra });

  it('is off unless asked for: a plain start has no dev user and stays closed', async () => {
    const where = await place();
    const server = await start(where);
    try {
      expect(server.devUser).toBeUndefined();
      expect(await server.context.db.get('SELECT id FROM users WHERE id = ?', [DEV_USER_ID])).toBeUndefined();
      const settings = await server.context.db.get<{ generation_enabled: number; daily_credit_cap: number | null }>('SELECT generation_enabled, daily_credit_cap FROM settings');
      expect(settings).toEqual({ generation_enabled: 0, daily_credit_cap: 0 });
    } finally {
      await server.close();
    }
  });

  it('seeds a user who can generate at once, and keeps its token and credit floor across restarts', async () => {
    const where = await place();
    const first = await start(where, { devUser: { credits: 50 } });
    let token: string;
    try {
      const dev = first.devUser;
      if (!dev) throw new Error('no dev user');
      token = dev.token;
      expect(dev).toMatchObject({ id: DEV_USER_ID, name: 'Local developer' });
      expect(GateState.parse((await call(first.url, 'GET', '/v1/gate', token)).body)).toMatchObject({ generationEnabled: true, reasons: [], dailyRemaining: null });
      const sent = await call(first.url, 'POST', '/v1/generations', token, { prompt: 'A kite over a beach, wide shot', durationSeconds: 4 }, { 'idempotency-key': 'dev-1' });
      expect(sent.status).toBe(202);
      expect(Me.parse((await call(first.url, 'GET', '/v1/me', token)).body).credits.available).toBeLessThan(50);
    } finally {
      await first.close();
    }

    // The next launch passes the kept token back: it still works, and credits are back at the floor.
    const second = await start(where, { devUser: { credits: 50, token } });
    try {
      expect(second.devUser?.token).toBe(token);
      const me = Me.parse((await call(second.url, 'GET', '/v1/me', token)).body);
      expect(me).toMatchObject({ id: DEV_USER_ID, earlyAccess: true });
      expect(me.credits.available).toBe(50);
      expect(await auditLedger(second.context.db)).toEqual([]);
      const grants = await second.context.db.all<{ reason: string }>(`SELECT reason FROM ledger_entries WHERE user_id = ? AND kind = 'grant' ORDER BY created_at`, [DEV_USER_ID]);
      expect(grants.map((g) => g.reason)).toEqual(['dev user top-up', 'dev user top-up']);
    } finally {
      await second.close();
    }
  });

  it("refuses a token that is another user's, and a malformed one", async () => {
    const where = await place();
    const adminToken = 'dev-test-admin-token-0123456789';
    const server = await start(where, { adminToken });
    const other = await call(server.url, 'POST', '/v1/admin/users', adminToken, { name: 'someone' });
    await server.close();
    const token = (other.body as { token: string }).token;
    await expect(start(where, { devUser: { token } })).rejects.toThrow(/another user/);
    await expect(start(where, { devUser: { token: 'short' } })).rejects.toThrow(/16–512/);
  });
});
