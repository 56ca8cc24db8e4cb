/** The HTTP contract (gated-api.md) over real HTTP, on the embedded database and on PostgreSQL. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminGeneration, GateState, Generation, GenerationList, MAX_CREDIT_GRANT, Me, Spend, ValidateResponse } from '../../../src/shared/contracts/api';
import { auditLedger } from '../../../src/server/ledger/audit';
import { CLIP } from './helpers/fake-provider';
import { ADMIN_TOKEN, ENGINES, startHarness, type Harness } from './helpers/harness';
import { expectProblem } from './helpers/problem';

const PROMPT = 'A red fox trots through fresh snow at dawn, wide shot, soft golden light, 16:9';

describe.each(ENGINES)('gated API contract on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a fresh server is closed: kill switch engaged and budget 0', async () => {
    const u = await h.user();
    const gate = GateState.parse((await h.call('GET', '/v1/gate', { token: u.token })).body);
    expect(gate.generationEnabled).toBe(false);
    expect(gate.reasons).toEqual(['generation_disabled', 'budget_exhausted']);
    expect(gate.dailyRemaining).toBe(0);
    await expectProblem(await h.submit(u.token, { prompt: PROMPT }), 503, 'generation_disabled');
    await h.admin('PUT', '/v1/admin/gate', { generationEnabled: true });
    await expectProblem(await h.submit(u.token, { prompt: PROMPT }), 503, 'budget_exhausted');
    await h.openGate();
    expect(GateState.parse((await h.call('GET', '/v1/gate', { token: u.token })).body)).toMatchObject({ generationEnabled: true, reasons: [], dailyRemaining: null });
  });

  it('authenticates: missing, unknown and revoked tokens are 401; /v1/me describes the caller', async () => {
    await expectProblem(await h.call('GET', '/v1/me'), 401, 'unauthenticated');
    await expectProblem(await h.call('GET', '/v1/me', { token: 'sl_nope' }), 401, 'unauthenticated');
    const u = await h.user({ credits: 40, name: 'Ada' });
    expect(Me.parse((await h.call('GET', '/v1/me', { token: u.token })).body)).toEqual({ id: u.id, name: 'Ada', earlyAccess: true, credits: { available: 40, reserved: 0 } });
    expect((await h.admin('POST', `/v1/admin/users/${u.id}/tokens/revoke`, {})).status).toBe(204);
    await expectProblem(await h.call('GET', '/v1/me', { token: u.token }), 401, 'unauthenticated');
    // Unauthenticated comes before everything else, even a malformed body.
    await expectProblem(await h.call('POST', '/v1/generations', { token: u.token, raw: '{bad', headers: { 'content-type': 'application/json' } }), 401, 'unauthenticated');
  });

  it('runs the gate in order and reserves, then a success is charged and its clip served by a signed URL', async () => {
    await h.openGate();
    const u = await h.user({ credits: 30 });
    const res = await h.submit(u.token, { prompt: PROMPT, durationSeconds: 4, generateAudio: true, clientRef: 'shot-1' });
    expect(res.status).toBe(202);
    const g = Generation.parse(res.body);
    expect(g).toMatchObject({ status: 'queued', credits: 6, refunded: false, durationSeconds: 4, aspectRatio: '16:9', clientRef: 'shot-1', videoUrl: null, error: null });
    expect(g.promptHash).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    expect(g.promptPreview.length).toBeLessThanOrEqual(64);
    expect(JSON.stringify(g)).not.toContain('prov-');
    expect(Me.parse((await h.call('GET', '/v1/me', { token: u.token })).body).credits).toEqual({ available: 24, reserved: 6 });

    const ptid = h.provider.providerTaskIdFor(g.id);
    expect((await h.webhook({ type: 'task.running', data: { providerTaskId: ptid } })).status).toBe(200);
    expect(Generation.parse((await h.call('GET', `/v1/generations/${g.id}`, { token: u.token })).body).status).toBe('running');
    expect((await h.webhook({ type: 'task.succeeded', data: { providerTaskId: ptid, videoUrl: 'fake://clip/1' } })).status).toBe(200);
    const done = Generation.parse((await h.call('GET', `/v1/generations/${g.id}`, { token: u.token })).body);
    expect(done.status).toBe('succeeded');
    expect(done.videoUrl).toMatch(new RegExp(`^${h.server.url}/v1/videos/`));
    expect(done.videoUrl).not.toContain('fake://');
    expect(Me.parse((await h.call('GET', '/v1/me', { token: u.token })).body).credits).toEqual({ available: 24, reserved: 0 });

    const video = await fetch(done.videoUrl!);
    expect(video.status).toBe(200);
    expect(video.headers.get('content-type')).toBe('video/mp4');
    expect(new Uint8Array(await video.arrayBuffer())).toEqual(CLIP);
    const part = await fetch(done.videoUrl!, { headers: { range: 'bytes=4-11' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 4-11/${CLIP.byteLength}`);
    expect(Buffer.from(await part.arrayBuffer()).toString('binary')).toBe('ftypmp42');
    expect((await fetch(done.videoUrl!, { headers: { range: 'bytes=999999-' } })).status).toBe(416);
    const url = new URL(done.videoUrl!);
    const altered = new URL(url);
    altered.searchParams.set('exp', String(Number(url.searchParams.get('exp')) + 60));
    await expectProblem(await h.call('GET', altered.pathname + altered.search), 401, 'unauthenticated');
    const otherId = new URL(url);
    otherId.pathname = '/v1/videos/gen_someoneelse';
    await expectProblem(await h.call('GET', otherId.pathname + otherId.search), 401, 'unauthenticated');
    await expectProblem(await h.call('GET', url.pathname), 401, 'unauthenticated');
  });

  it('rejects in the contract order: early access, user cap, credits; budgets are given back by refunds', async () => {
    await h.openGate({ dailyCreditCap: null, userDailyCreditCap: 10 });
    const outsider = await h.user({ earlyAccess: false });
    await expectProblem(await h.submit(outsider.token, { prompt: PROMPT }), 403, 'early_access_required');
    const u = await h.user({ credits: 100 });
    expect((await h.submit(u.token, { prompt: PROMPT, durationSeconds: 8 })).status).toBe(202);
    await expectProblem(await h.submit(u.token, { prompt: PROMPT, durationSeconds: 4 }), 429, 'daily_cap_reached');
    const gate = GateState.parse((await h.call('GET', '/v1/gate', { token: u.token })).body);
    expect(gate).toMatchObject({ generationEnabled: true, dailyRemaining: 2 });
    const first = GenerationList.parse((await h.call('GET', '/v1/generations', { token: u.token })).body).items[0]!;
    const canceled = Generation.parse((await h.call('POST', `/v1/generations/${first.id}/cancel`, { token: u.token, body: {} })).body);
    expect(canceled).toMatchObject({ status: 'canceled', refunded: true, error: { code: 'canceled' } });
    expect((await h.submit(u.token, { prompt: PROMPT, durationSeconds: 4 })).status).toBe(202);
    const poor = await h.user({ credits: 3 });
    await expectProblem(await h.submit(poor.token, { prompt: PROMPT, durationSeconds: 4 }), 402, 'insufficient_credits');
    expect(GateState.parse((await h.call('GET', '/v1/gate', { token: poor.token })).body).reasons).toEqual([]);
    const broke = await h.user({ credits: 1 });
    expect(GateState.parse((await h.call('GET', '/v1/gate', { token: broke.token })).body).reasons).toEqual(['insufficient_credits']);
    await h.openGate({ dailyCreditCap: 0, userDailyCreditCap: null });
    await expectProblem(await h.submit(u.token, { prompt: PROMPT }), 503, 'budget_exhausted');
    await h.openGate();
  });

  it('validates bodies, prompts and the Idempotency-Key', async () => {
    await h.openGate();
    const u = await h.user();
    await expectProblem(await h.call('POST', '/v1/generations', { token: u.token, body: { prompt: PROMPT } }), 400, 'invalid_request');
    await expectProblem(await h.submit(u.token, { prompt: PROMPT, extra: 1 }), 400, 'invalid_request');
    await expectProblem(await h.submit(u.token, { prompt: PROMPT, durationSeconds: 'long' }), 400, 'invalid_request');
    await expectProblem(await h.call('POST', '/v1/generations', { token: u.token, raw: '{"prompt":', headers: { 'content-type': 'application/json', 'idempotency-key': 'x' } }), 400, 'invalid_request');
    await expectProblem(await h.call('POST', '/v1/generations', { token: u.token, raw: 'prompt=x', headers: { 'content-type': 'text/plain', 'idempotency-key': 'x' } }), 400, 'invalid_request');
    await expectProblem(await h.call('POST', '/v1/generations', { token: u.token, body: { prompt: 'x'.repeat(200_000) }, headers: { 'idempotency-key': 'big' } }), 413, 'payload_too_large');
    const empty = await h.submit(u.token, { prompt: '   ' });
    await expectProblem(empty, 422, 'prompt_rejected');
    expect(empty.body.errors[0].code).toBe('prompt_empty');
    await expectProblem(await h.submit(u.token, { prompt: 'y'.repeat(2001) }), 422, 'prompt_rejected');
    await expectProblem(await h.call('GET', '/v1/nowhere'), 404, 'not_found');
    await expectProblem(await h.call('GET', '/v1/generations?limit=0', { token: u.token }), 400, 'invalid_request');
    await expectProblem(await h.call('GET', '/v1/generations?cursor=zzz', { token: u.token }), 400, 'invalid_request');
    expect(Me.parse((await h.call('GET', '/v1/me', { token: u.token })).body).credits).toEqual({ available: 100, reserved: 0 });
  });

  it('idempotency: same key and body → same generation, reserved once; other body → 422; in flight → 409', async () => {
    await h.openGate();
    const u = await h.user({ credits: 50 });
    const a = await h.submit(u.token, { prompt: PROMPT }, 'same-key');
    const b = await h.submit(u.token, { prompt: PROMPT }, 'same-key');
    expect(a.status).toBe(202);
    expect([200, 202]).toContain(b.status);
    expect(b.body.id).toBe(a.body.id);
    expect(Me.parse((await h.call('GET', '/v1/me', { token: u.token })).body).credits).toEqual({ available: 42, reserved: 8 });
    await expectProblem(await h.submit(u.token, { prompt: `${PROMPT}!` }, 'same-key'), 422, 'idempotency_key_reused');
    // Keys are per user: another user's same key is a new generation.
    const v = await h.user();
    const c = await h.submit(v.token, { prompt: PROMPT }, 'same-key');
    expect(c.status).toBe(202);
    expect(c.body.id).not.toBe(a.body.id);
    // While the first request still waits on the provider, a replay is 409.
    const slow = h.submit(u.token, { prompt: `${PROMPT} [sim:slow]` }, 'slow-key');
    await waitFor(async () => (await h.server.context.db.get('SELECT 1 AS x FROM idempotency_keys WHERE key = ?', ['slow-key'])) !== undefined);
    await expectProblem(await h.submit(u.token, { prompt: `${PROMPT} [sim:slow]` }, 'slow-key'), 409, 'idempotency_in_progress');
    h.provider.releaseSlow();
    expect((await slow).status).toBe(202);
    expect((await h.submit(u.token, { prompt: `${PROMPT} [sim:slow]` }, 'slow-key')).status).toBe(200);
  });

  it('a rejected provider call fails the task and refunds once; raw provider text never reaches the user', async () => {
    await h.openGate();
    const u = await h.user({ credits: 20 });
    const res = await h.submit(u.token, { prompt: `${PROMPT} [sim:reject]` });
    expect(res.status).toBe(202);
    const g = Generation.parse(res.body);
    expect(g).toMatchObject({ status: 'failed', refunded: true, error: { code: 'provider_rejected' } });
    expect(JSON.stringify(res.body)).not.toMatch(/0xDEAD|policy violation/);
    const flaky = Generation.parse((await h.submit(u.token, { prompt: `${PROMPT} [sim:flaky]` })).body);
    expect(flaky.status).toBe('queued');
    expect(Me.parse((await h.call('GET', '/v1/me', { token: u.token })).body).credits).toEqual({ available: 12, reserved: 8 });
  });

  it('webhooks: bad signature and stale timestamp are 401, replays change nothing, failures refund exactly once', async () => {
    await h.openGate();
    const u = await h.user({ credits: 16 });
    const g = Generation.parse((await h.submit(u.token, { prompt: PROMPT })).body);
    const ptid = h.provider.providerTaskIdFor(g.id);
    const failed = { type: 'task.failed', data: { providerTaskId: ptid, error: 'raw: GPU on fire' } };
    await expectProblem(await h.call('POST', '/v1/webhooks/provider', { raw: JSON.stringify(failed), headers: { 'content-type': 'application/json', 'webhook-id': 'x', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)), 'webhook-signature': 'v1,AAAA' } }) as any, 401, 'unauthenticated');
    expect((await h.webhook(failed, { secret: `whsec_${Buffer.from('another secret 1234567890').toString('base64')}` })).status).toBe(401);
    expect((await h.webhook(failed, { timestamp: new Date(Date.now() - 6 * 60_000) })).status).toBe(401);
    expect(Generation.parse((await h.call('GET', `/v1/generations/${g.id}`, { token: u.token })).body).status).toBe('queued');
    expect((await h.webhook(failed, { id: 'msg-fail-1' })).body).toEqual({ result: 'applied' });
    expect((await h.webhook(failed, { id: 'msg-fail-1' })).body).toEqual({ result: 'duplicate' });
    expect((await h.webhook(failed, { id: 'msg-fail-2' })).body).toEqual({ result: 'ignored' });
    expect((await h.webhook({ type: 'task.succeeded', data: { providerTaskId: ptid, videoUrl: 'fake://x' } })).body).toEqual({ result: 'ignored' });
    expect((await h.call('POST', `/v1/generations/${g.id}/cancel`, { token: u.token, body: {} })).body.status).toBe('failed');
    const after = Generation.parse((await h.call('GET', `/v1/generations/${g.id}`, { token: u.token })).body);
    expect(after).toMatchObject({ status: 'failed', refunded: true, error: { code: 'provider_failed' } });
    expect(JSON.stringify(after)).not.toContain('GPU');
    expect(Me.parse((await h.call('GET', '/v1/me', { token: u.token })).body).credits).toEqual({ available: 16, reserved: 0 });
    expect((await h.webhook({ type: 'task.running', data: { providerTaskId: 'never-heard-of-it' } })).status).toBe(404);
    // A success whose clip cannot be fetched is not charged; the provider is asked to deliver again.
    const g2 = Generation.parse((await h.submit(u.token, { prompt: PROMPT })).body);
    h.provider.downloadFails = true;
    const ok = { type: 'task.succeeded', data: { providerTaskId: h.provider.providerTaskIdFor(g2.id), videoUrl: 'fake://2' } };
    expect((await h.webhook(ok, { id: 'msg-ok' })).status).toBe(503);
    h.provider.downloadFails = false;
    expect((await h.webhook(ok, { id: 'msg-ok' })).body).toEqual({ result: 'applied' });
    expect(await auditLedger(h.server.context.db)).toEqual([]);
  });

  it('webhooks: a signed body that is not JSON is 400, a timestamp 6 minutes ahead is 401', async () => {
    await expectProblem(await h.webhook(null, { raw: '{"type": "task.running", "data": ' }), 400, 'invalid_request');
    await expectProblem(await h.webhook({ type: 'task.running', data: { providerTaskId: 'x' } }, { timestamp: new Date(Date.now() + 6 * 60_000) }), 401, 'unauthenticated');
  });

  it('cancel and revoke need no body: none, an empty JSON body, or {}', async () => {
    await h.openGate();
    const u = await h.user({ credits: 24 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(Generation.parse((await h.submit(u.token, { prompt: PROMPT })).body).id);
    const bodies = [{}, { raw: '', headers: { 'content-type': 'application/json' } }, { body: {} }];
    for (const [i, body] of bodies.entries()) {
      const res = await h.call('POST', `/v1/generations/${ids[i]}/cancel`, { token: u.token, ...body });
      expect(res.status, JSON.stringify(body)).toBe(200);
      expect(Generation.parse(res.body)).toMatchObject({ id: ids[i], status: 'canceled', refunded: true });
    }
    await expectProblem(await h.call('POST', `/v1/generations/${ids[0]}/cancel`, { token: u.token, body: { reason: 'no fields are known' } }), 400, 'invalid_request');
    for (const body of bodies) {
      const holder = await h.user();
      expect((await h.call('POST', `/v1/admin/users/${holder.id}/tokens/revoke`, { token: ADMIN_TOKEN, ...body })).status, JSON.stringify(body)).toBe(204);
      await expectProblem(await h.call('GET', '/v1/me', { token: holder.token }), 401, 'unauthenticated');
    }
  });

  it('errors outside the routes are problem+json too: an unsatisfiable range, an over-long id, a malformed URL', async () => {
    await h.openGate();
    const u = await h.user();
    const g = Generation.parse((await h.submit(u.token, { prompt: PROMPT })).body);
    await h.webhook({ type: 'task.succeeded', data: { providerTaskId: h.provider.providerTaskIdFor(g.id), videoUrl: 'fake://clip/range' } });
    const videoUrl = Generation.parse((await h.call('GET', `/v1/generations/${g.id}`, { token: u.token })).body).videoUrl!;
    const res = await fetch(videoUrl, { headers: { range: `bytes=${CLIP.length + 10}-` } });
    const body = await res.json();
    await expectProblem({ status: res.status, body, headers: res.headers }, 416, 'invalid_request');
    expect(res.headers.get('content-range')).toBe(`bytes */${CLIP.length}`);
    expect(res.headers.get('cache-control')).toBeNull();
    await expectProblem(await h.call('GET', `/v1/generations/${'g'.repeat(300)}`, { token: u.token }), 404, 'not_found');
    await expectProblem(await h.call('GET', '/v1/generations/%E0%A4%A', { token: u.token }), 400, 'invalid_request');
    expect((await h.call('GET', '/metrics')).body).toMatch(/shotlist_http_requests_total\{method="GET",route="unmatched",status="400"\} [1-9]/);
  });

  it('owner-only reads, newest-first pages with a cursor', async () => {
    await h.openGate();
    const u = await h.user({ credits: 100 });
    const other = await h.user();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await h.submit(u.token, { prompt: `${PROMPT} #${i}`, durationSeconds: 2 })).body.id);
    await expectProblem(await h.call('GET', `/v1/generations/${ids[0]}`, { token: other.token }), 404, 'not_found');
    await expectProblem(await h.call('POST', `/v1/generations/${ids[0]}/cancel`, { token: other.token, body: {} }), 404, 'not_found');
    expect(GenerationList.parse((await h.call('GET', '/v1/generations', { token: other.token })).body).items).toEqual([]);
    const p1 = GenerationList.parse((await h.call('GET', '/v1/generations?limit=3', { token: u.token })).body);
    expect(p1.items.map((g) => g.id)).toEqual([ids[4], ids[3], ids[2]]);
    const p2 = GenerationList.parse((await h.call('GET', `/v1/generations?limit=3&cursor=${p1.nextCursor}`, { token: u.token })).body);
    expect(p2.items.map((g) => g.id)).toEqual([ids[1], ids[0]]);
    expect(p2.nextCursor).toBeNull();
  });

  it('validate, early access, rate limits', async () => {
    const u = await h.user();
    const v = ValidateResponse.parse((await h.call('POST', '/v1/prompts/validate', { token: u.token, body: { prompt: PROMPT } })).body);
    expect(v.ok).toBe(true);
    expect(ValidateResponse.parse((await h.call('POST', '/v1/prompts/validate', { token: u.token, body: { prompt: '' } })).body).ok).toBe(false);
    const ea = await h.call('POST', '/v1/early-access', { body: { email: 'someone@example.com' } });
    expect(ea.status).toBe(202);
    expect(ea.body).toEqual({});
    expect((await h.call('POST', '/v1/early-access', { body: { email: 'someone@example.com' } })).body).toEqual({});
    let limited = null;
    for (let i = 0; i < 10 && !limited; i++) {
      const r = await h.call('POST', '/v1/early-access', { body: { email: `x${i}@example.com` } });
      if (r.status === 429) limited = r;
    }
    expect(limited).not.toBeNull();
    await expectProblem(limited!, 429, 'rate_limited');
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('admin: its own token, budget, generation detail with provider id, spend', async () => {
    await expectProblem(await h.call('PUT', '/v1/admin/gate', { token: 'wrong', body: { generationEnabled: true } }), 401, 'unauthenticated');
    const u = await h.user();
    await expectProblem(await h.call('PUT', '/v1/admin/gate', { token: u.token, body: { generationEnabled: true } }), 401, 'unauthenticated');
    expect((await h.admin('PUT', '/v1/admin/budget', { dailyCreditCap: 500, userDailyCreditCap: 50 })).body).toEqual({ dailyCreditCap: 500, userDailyCreditCap: 50 });
    await expectProblem((await h.call('PUT', '/v1/admin/budget', { token: 'test-admin-token-0123456789', body: { dailyCreditCap: -1, userDailyCreditCap: null } })) as any, 400, 'invalid_request');
    await h.openGate();
    const g = (await h.submit(u.token, { prompt: PROMPT })).body;
    const detail = AdminGeneration.parse((await h.admin('GET', `/v1/admin/generations/${g.id}`)).body);
    expect(detail.ownerId).toBe(u.id);
    expect(detail.providerTaskId).toBe(h.provider.providerTaskIdFor(g.id));
    const spend = Spend.parse((await h.admin('GET', '/v1/admin/spend')).body);
    expect(spend.today.reserved).toBeGreaterThanOrEqual(8);
    expect(spend.days.length).toBe(14);
    await expectProblem(await h.admin('POST', '/v1/admin/users/usr_missing/credits', { amount: 5, reason: 'x' }) as any, 404, 'not_found');
    expect((await h.admin('POST', `/v1/admin/users/${u.id}/credits`, { amount: -1000, reason: 'too much' })).status).toBe(402);
    for (const amount of [MAX_CREDIT_GRANT + 1, -MAX_CREDIT_GRANT - 1, 2 ** 53, 1.5]) {
      await expectProblem(await h.admin('POST', `/v1/admin/users/${u.id}/credits`, { amount, reason: 'out of range' }) as any, 400, 'invalid_request');
    }
  });

  it('operations: healthz, readyz, metrics, openapi', async () => {
    // A refusal, a charge and a refund of its own, so that the metrics below have something to count.
    const u = await h.user();
    await h.admin('PUT', '/v1/admin/gate', { generationEnabled: false });
    expect((await h.submit(u.token, { prompt: PROMPT })).status).toBe(503);
    await h.openGate();
    for (const type of ['task.succeeded', 'task.failed'] as const) {
      const g = Generation.parse((await h.submit(u.token, { prompt: PROMPT })).body);
      const data = { providerTaskId: h.provider.providerTaskIdFor(g.id), ...(type === 'task.succeeded' ? { videoUrl: 'fake://clip/metrics' } : {}) };
      expect((await h.webhook({ type, data })).body).toEqual({ result: 'applied' });
    }
    expect((await h.call('GET', '/healthz')).body).toEqual({ ok: true });
    expect((await h.call('GET', '/readyz')).body).toEqual({ ok: true, database: engine });
    const metrics = (await h.call('GET', '/metrics')).body as string;
    expect(metrics).toMatch(/shotlist_gate_rejections_total\{code="generation_disabled"\} \d+/);
    for (const kind of ['reserved', 'charged', 'refunded']) expect(metrics).toMatch(new RegExp(`shotlist_credits_total\\{kind="${kind}"\\} [1-9]\\d*`));
    expect(metrics).toMatch(/shotlist_provider_call_seconds_bucket/);
    const spec = (await h.call('GET', '/openapi.json')).body;
    for (const path of ['/v1/me', '/v1/gate', '/v1/prompts/validate', '/v1/generations', '/v1/generations/{id}', '/v1/generations/{id}/cancel', '/v1/early-access', '/v1/webhooks/provider', '/v1/admin/users', '/v1/admin/users/{id}/tokens/revoke', '/v1/admin/users/{id}/credits', '/v1/admin/users/{id}/early-access', '/v1/admin/gate', '/v1/admin/budget', '/v1/admin/generations/{id}', '/v1/admin/spend', '/healthz', '/readyz', '/metrics']) {
      expect(spec.paths, path).toHaveProperty([path]);
    }
    expect(spec.paths['/v1/generations'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('prompt');
    // Which credential each route takes.
    expect(spec.security).toEqual([{ bearer: [] }]);
    expect(spec.paths['/v1/me'].get.security).toBeUndefined();
    for (const [path, method] of [['/healthz', 'get'], ['/readyz', 'get'], ['/metrics', 'get'], ['/openapi.json', 'get'], ['/v1/early-access', 'post'], ['/v1/webhooks/provider', 'post'], ['/v1/videos/{id}', 'get']]) {
      expect(spec.paths[path!][method!].security, path).toEqual([]);
    }
    for (const [path, methods] of Object.entries(spec.paths as Record<string, Record<string, { security?: unknown }>>)) {
      if (path.startsWith('/v1/admin/')) for (const op of Object.values(methods)) expect(op.security, path).toEqual([{ admin: [] }]);
    }
    // Every error is problem+json.
    for (const [path, methods] of Object.entries(spec.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>)) {
      for (const op of Object.values(methods)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) >= 400) expect(Object.keys(response.content ?? {}), `${path} ${status}`).toEqual(['application/problem+json']);
        }
      }
    }
    // Bodies that may be left out, and the webhook's signed body.
    expect(spec.paths['/v1/generations/{id}/cancel'].post.requestBody.required).toBe(false);
    expect(spec.paths['/v1/admin/users/{id}/tokens/revoke'].post.requestBody.required).toBe(false);
    expect(spec.paths['/v1/generations'].post.requestBody.required).toBe(true);
    const webhook = spec.paths['/v1/webhooks/provider'].post;
    expect(webhook.requestBody.content['application/json'].schema.properties).toHaveProperty('data');
    // An OpenAPI 3.0 Schema Object, which allows no $schema.
    expect(webhook.requestBody.content['application/json'].schema).not.toHaveProperty('$schema');
    expect(webhook.parameters.map((p: { in: string; name: string; required: boolean }) => `${p.in}:${p.name}:${p.required}`)).toEqual([
      'header:webhook-id:true',
      'header:webhook-timestamp:true',
      'header:webhook-signature:true',
    ]);
  });

  it('never stores the full prompt', async () => {
    await h.openGate();
    const u = await h.user();
    const secret = `${PROMPT} with the unique marker ZEBRA-SECRET-${engine}-${'q'.repeat(80)}`;
    expect((await h.submit(u.token, { prompt: secret })).status).toBe(202);
    if (engine === 'sqlite') {
      for (const f of readdirSync(h.dataDir)) {
        if (f.startsWith('shotlist.db')) expect(readFileSync(join(h.dataDir, f)).includes(`ZEBRA-SECRET-${engine}`)).toBe(false);
      }
    } else {
      const rows = await h.server.context.db.all<{ n: number }>(
        "SELECT COUNT(*) AS n FROM generations WHERE prompt_preview LIKE '%ZEBRA%'",
      );
      expect(Number(rows[0]!.n)).toBe(0);
    }
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
