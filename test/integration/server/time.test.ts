/**
 * What the contract makes depend on time, over HTTP on both engines with the server's clock
 * driven by the test:
 * - SHOTLIST_TASK_TIMEOUT_S for a webhook provider: the sweeper fails a task with no outcome as
 *   timed_out, refunds it once, asks the provider to stop, and a success arriving late changes nothing;
 * - signed video URLs expire (SHOTLIST_VIDEO_URL_TTL_S), and reading the generation again gives a fresh one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Generation, Me } from '../../../src/shared/contracts/api';
import { auditLedger } from '../../../src/server/ledger/audit';
import { ENGINES, startHarness, type Harness } from './helpers/harness';

describe.each(ENGINES)('time on %s', (engine) => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('fails a task with no outcome past the timeout, refunds it once, and ignores a late success', async () => {
    let now = Date.now();
    h = await startHarness(engine, { env: { SHOTLIST_TASK_TIMEOUT_S: '60' }, clock: () => now });
    await h.openGate();
    const u = await h.user({ credits: 20 });
    const g = Generation.parse((await h.submit(u.token, { prompt: 'A quiet harbour at dawn, slow pan, soft light' })).body);
    const ptid = h.provider.providerTaskIdFor(g.id);
    expect((await h.webhook({ type: 'task.running', data: { providerTaskId: ptid } })).body).toEqual({ result: 'applied' });
    const tasks = h.server.context.tasks;

    now += 59_000;
    expect((await tasks.sweep()).timedOut).toBe(0);
    now += 2_000;
    expect((await tasks.sweep()).timedOut).toBe(1);
    expect((await tasks.sweep()).timedOut).toBe(0);

    const after = Generation.parse((await h.call('GET', `/v1/generations/${g.id}`, { token: u.token })).body);
    expect(after).toMatchObject({ status: 'failed', refunded: true, error: { code: 'timed_out' } });
    expect(h.provider.canceled).toEqual([ptid]);
    expect(Me.parse((await h.call('GET', '/v1/me', { token: u.token })).body).credits).toEqual({ available: 20, reserved: 0 });

    expect((await h.webhook({ type: 'task.succeeded', data: { providerTaskId: ptid, videoUrl: 'fake://late' } })).body).toEqual({ result: 'ignored' });
    expect(Generation.parse((await h.call('GET', `/v1/generations/${g.id}`, { token: u.token })).body).status).toBe('failed');
    expect(Me.parse((await h.call('GET', '/v1/me', { token: u.token })).body).credits).toEqual({ available: 20, reserved: 0 });
    expect(await auditLedger(h.server.context.db)).toEqual([]);
  });

  it('serves a clip by its signed URL until it expires, then 401; the generation read again has a fresh URL', async () => {
    let now = Date.now();
    h = await startHarness(engine, { env: { SHOTLIST_VIDEO_URL_TTL_S: '600' }, clock: () => now });
    await h.openGate();
    const u = await h.user();
    const g = Generation.parse((await h.submit(u.token, { prompt: 'A paper boat on a rain puddle, macro, overcast light' })).body);
    expect((await h.webhook({ type: 'task.succeeded', data: { providerTaskId: h.provider.providerTaskIdFor(g.id), videoUrl: 'fake://clip/ttl' } })).body).toEqual({ result: 'applied' });
    const read = async () => Generation.parse((await h!.call('GET', `/v1/generations/${g.id}`, { token: u.token })).body).videoUrl!;
    const url = await read();
    expect((await fetch(url)).status).toBe(200);

    now += 11 * 60_000;
    const expired = await fetch(url);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ code: 'unauthenticated', detail: expect.stringContaining('expired') });
    const fresh = await read();
    expect(fresh).not.toBe(url);
    expect((await fetch(fresh)).status).toBe(200);
  });
});
