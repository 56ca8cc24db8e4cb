/**
 * A polled provider through the whole server over real HTTP: SHOTLIST_PROVIDER=gemini against
 * the local fake Gemini API. Outcomes arrive only because the server polls the operation
 * (SHOTLIST_PROVIDER_POLL_MS); the sweeper settles what polling cannot (timeouts, uncertain creates).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Generation, Me } from '../../../src/shared/contracts/api';
import { auditLedger } from '../../../src/server/ledger/audit';
import { startFakeGemini, type FakeGemini } from '../providers/fake-gemini';
import { ENGINES, startHarness, type Harness } from './helpers/harness';
import { waitFor } from './helpers/wait-for';

const PROMPT = 'A lighthouse at dusk, waves breaking on the rocks, slow dolly in, warm light';
const TASK_TIMEOUT_S = 60;

describe.each(ENGINES)('a polled provider (gemini) through the whole server on %s', (engine) => {
  let gemini: FakeGemini;
  let h: Harness;
  let offsetMs = 0;

  beforeAll(async () => {
    gemini = await startFakeGemini({ apiKey: 'test' });
    h = await startHarness(engine, {
      provider: 'configured',
      clock: () => Date.now() + offsetMs,
      env: {
        SHOTLIST_PROVIDER: 'gemini',
        GEMINI_API_KEY: 'test',
        GEMINI_BASE_URL: gemini.baseUrl,
        SHOTLIST_PROVIDER_POLL_MS: '30',
        SHOTLIST_SWEEP_INTERVAL_MS: '50',
        SHOTLIST_PROVIDER_TIMEOUT_MS: '300',
        SHOTLIST_TASK_TIMEOUT_S: String(TASK_TIMEOUT_S),
      },
    });
    await h.openGate();
  });
  afterAll(async () => {
    await h?.close();
    await gemini?.close();
  });

  const creates = () => gemini.requests.filter((r) => r.method === 'POST' && r.path.includes(':predictLongRunning')).length;
  const polls = () => gemini.requests.filter((r) => r.method === 'GET' && r.path.includes('/operations/')).length;
  const settlements = (id: string) =>
    h.server.context.db.all<{ kind: string }>(`SELECT kind FROM ledger_entries WHERE generation_id = ? AND kind <> 'reserve' ORDER BY created_at`, [id]);
  const get = async (token: string, id: string) => Generation.parse((await h.call('GET', `/v1/generations/${id}`, { token })).body);
  const finished = (token: string, id: string) =>
    waitFor(`generation ${id} to finish`, async () => {
      const g = await get(token, id);
      return g.status === 'queued' || g.status === 'running' ? undefined : g;
    });

  it('submit → the server polls the operation → succeeded; the clip is downloaded and served at the signed URL', async () => {
    gemini.script = { pollsUntilDone: 2 };
    const u = await h.user({ credits: 50 });
    const createsBefore = creates();
    const pollsBefore = polls();
    const res = await h.submit(u.token, { prompt: PROMPT, durationSeconds: 4, aspectRatio: '16:9' });
    expect(res.status).toBe(202);
    const submitted = Generation.parse(res.body);
    expect(submitted.status).toBe('queued');

    const g = await finished(u.token, submitted.id);
    expect(g).toMatchObject({ status: 'succeeded', refunded: false, error: null });
    expect(creates() - createsBefore).toBe(1);
    // Two "not done" answers, then the done one: the outcome came from polling.
    expect(polls() - pollsBefore).toBeGreaterThanOrEqual(3);
    expect(gemini.requests.every((r) => r.path.startsWith('/storage/') || r.headers['x-goog-api-key'] === 'test')).toBe(true);

    if (!g.videoUrl) throw new Error('no video URL');
    const video = await fetch(g.videoUrl);
    expect(video.status).toBe(200);
    expect(video.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await video.arrayBuffer()).equals(gemini.video)).toBe(true);
    const tampered = g.videoUrl.replace(/sig=(.)/, (_m, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
    expect(tampered).not.toBe(g.videoUrl);
    expect((await fetch(tampered)).status).toBe(401);

    // Charged once, and nothing of Google's (operation names) reaches the user.
    expect(await settlements(g.id)).toEqual([{ kind: 'charge' }]);
    expect(Me.parse((await h.call('GET', '/v1/me', { token: u.token })).body).credits).toEqual({ available: 50 - g.credits, reserved: 0 });
    expect(JSON.stringify(g)).not.toMatch(/operations|models\//);
    expect(await auditLedger(h.server.context.db)).toEqual([]);
  });

  it('an operation that ends in an error → failed and refunded exactly once, however often it is polled or canceled after', async () => {
    gemini.script = { pollsUntilDone: 1, operationError: { code: 13, message: 'internal error' } };
    const u = await h.user({ credits: 30 });
    const submitted = Generation.parse((await h.submit(u.token, { prompt: PROMPT, durationSeconds: 4 })).body);
    const g = await finished(u.token, submitted.id);
    expect(g).toMatchObject({ status: 'failed', refunded: true, error: { code: 'provider_failed' } });
    expect(JSON.stringify(g)).not.toContain(gemini.errorSecret);

    // Let the poller and the sweeper run several more times, and cancel on top.
    const pollsAfter = polls();
    await new Promise((r) => setTimeout(r, 200));
    expect(polls()).toBe(pollsAfter);
    expect((await h.call('POST', `/v1/generations/${g.id}/cancel`, { token: u.token, body: {} })).body.status).toBe('failed');
    expect(await settlements(g.id)).toEqual([{ kind: 'refund' }]);
    expect(Me.parse((await h.call('GET', '/v1/me', { token: u.token })).body).credits).toEqual({ available: 30, reserved: 0 });
    expect(await auditLedger(h.server.context.db)).toEqual([]);
  });

  it('a create that timed out is never sent again; reconciliation fails it and refunds it once', async () => {
    gemini.script = { pollsUntilDone: 1, hangCreates: true };
    const u = await h.user({ credits: 30 });
    const createsBefore = creates();
    const res = await h.submit(u.token, { prompt: PROMPT, durationSeconds: 4 });
    expect(res.status).toBe(202);
    const submitted = Generation.parse(res.body);
    // The create may have reached Google: the task is neither retried nor failed on the spot.
    expect(submitted).toMatchObject({ status: 'queued', refunded: false });
    expect(Me.parse((await h.call('GET', '/v1/me', { token: u.token })).body).credits.reserved).toBe(submitted.credits);
    const row = await h.server.context.db.get<{ submit_state: string; submit_deadline: number }>('SELECT submit_state, submit_deadline FROM generations WHERE id = ?', [submitted.id]);
    expect(row?.submit_state).toBe('pending');

    // Past its submit window, the sweeper reconciles it: Gemini cannot be asked by our id, so it is failed.
    offsetMs += row!.submit_deadline - Date.now() + 1_000;
    const g = await finished(u.token, submitted.id);
    expect(g).toMatchObject({ status: 'failed', refunded: true, error: { code: 'provider_unavailable' } });
    await new Promise((r) => setTimeout(r, 200));
    expect(creates() - createsBefore).toBe(1);
    expect(await settlements(g.id)).toEqual([{ kind: 'refund' }]);
    expect(Me.parse((await h.call('GET', '/v1/me', { token: u.token })).body).credits).toEqual({ available: 30, reserved: 0 });
    expect(await auditLedger(h.server.context.db)).toEqual([]);
    gemini.script = { pollsUntilDone: 2 };
  });

  it('an operation that never finishes is timed out by the sweeper and refunded once, and polling stops', async () => {
    gemini.script = { pollsUntilDone: Number.MAX_SAFE_INTEGER };
    const u = await h.user({ credits: 30 });
    const submitted = Generation.parse((await h.submit(u.token, { prompt: PROMPT, durationSeconds: 4 })).body);
    // Polled: "not done" moves it to running.
    await waitFor('running', async () => ((await get(u.token, submitted.id)).status === 'running' ? true : undefined));
    offsetMs += TASK_TIMEOUT_S * 1000 + 1_000;
    const g = await finished(u.token, submitted.id);
    expect(g).toMatchObject({ status: 'failed', refunded: true, error: { code: 'timed_out' } });
    const pollsAfter = polls();
    await new Promise((r) => setTimeout(r, 200));
    expect(polls()).toBe(pollsAfter);
    expect(await settlements(g.id)).toEqual([{ kind: 'refund' }]);
    expect(Me.parse((await h.call('GET', '/v1/me', { token: u.token })).body).credits).toEqual({ available: 30, reserved: 0 });
    expect(await auditLedger(h.server.context.db)).toEqual([]);
  });
});
