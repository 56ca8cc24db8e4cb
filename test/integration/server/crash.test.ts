/**
 * kill -9 in the middle of load, then a restart on the same data: every submission the server
 * acknowledged (202) is still there with its credits reserved, the books balance, and the
 * sweeper reconciles creates the crash interrupted (refunding those the provider never got).
 */
import { describe, expect, it } from 'vitest';
import { auditLedger } from '../../../src/server/ledger/audit';
import { testTempDir } from '../../helpers/temp-dir';
import { ADMIN_TOKEN, startHarness } from './helpers/harness';
import { spawnServer } from './helpers/processes';

async function post(url: string, path: string, token: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

describe('kill -9 during load (embedded database)', () => {
  it('keeps every acknowledged generation and reservation, and reconciles the rest after a restart', async () => {
    const dataDir = testTempDir('shotlist-crash-');
    const env = { SHOTLIST_DATA_DIR: dataDir, SHOTLIST_ADMIN_TOKEN: ADMIN_TOKEN, SHOTLIST_RATE_LIMIT_PER_MIN: '100000' };
    const first = await spawnServer(env);
    const u = (await post(first.url, '/v1/admin/users', ADMIN_TOKEN, { name: 'crash' })).body;
    await post(first.url, `/v1/admin/users/${u.id}/credits`, ADMIN_TOKEN, { amount: 100_000, reason: 'load' });
    await fetch(`${first.url}/v1/admin/users/${u.id}/early-access`, { method: 'PUT', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: '{"enabled":true}' });
    await fetch(`${first.url}/v1/admin/gate`, { method: 'PUT', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: '{"generationEnabled":true}' });
    await fetch(`${first.url}/v1/admin/budget`, { method: 'PUT', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: '{"dailyCreditCap":null,"userDailyCreditCap":null}' });

    const acked: string[] = [];
    let n = 0;
    let stop = false;
    const worker = async (): Promise<void> => {
      while (!stop) {
        const r = await post(first.url, '/v1/generations', u.token, { prompt: `crash load ${n}`, durationSeconds: 2 }, { 'idempotency-key': `k${n++}` }).catch(() => null);
        if (r?.status === 202) acked.push(r.body.id);
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    while (acked.length < 150) await new Promise((r) => setTimeout(r, 5));
    await first.kill9();
    stop = true;
    await Promise.all(workers);

    // Restart on the same data, in this process, with a clock a minute ahead so interrupted creates are due for reconciliation.
    let offsetMs = 0;
    const h = await startHarness('sqlite', { dataDir, clock: () => Date.now() + offsetMs, env: { SHOTLIST_PROVIDER_TIMEOUT_MS: '200', SHOTLIST_PROVIDER_RETRIES: '0' } });
    try {
      const db = h.server.context.db;
      for (const id of acked) {
        const g = await h.call('GET', `/v1/generations/${id}`, { token: u.token });
        expect(g.status, id).toBe(200);
      }
      expect(await auditLedger(db)).toEqual([]);
      const me = (await h.call('GET', '/v1/me', { token: u.token })).body;
      const rows = await db.all<{ n: number }>("SELECT COUNT(*) AS n FROM generations WHERE status IN ('queued','running')");
      expect(me.credits.reserved).toBe(Number(rows[0]!.n) * 2);
      expect(me.credits.available + me.credits.reserved).toBe(100_000);
      const pendingBefore = Number((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM generations WHERE submit_state = 'pending'"))!.n);
      // The new process's provider never saw those tasks: interrupted creates are failed and refunded, once.
      offsetMs = 60_000;
      const swept = await h.server.context.tasks.sweep();
      expect(swept.reconciled).toBe(pendingBefore);
      expect(Number((await db.get<{ n: number }>("SELECT COUNT(*) AS n FROM generations WHERE submit_state = 'pending' AND status IN ('queued','running')"))!.n)).toBe(0);
      expect(await auditLedger(db)).toEqual([]);
    } finally {
      await h.close();
    }
  }, 60_000);
});
