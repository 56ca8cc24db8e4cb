/**
 * The contract's settings over real HTTP, on both engines: SHOTLIST_RATE_LIMIT_PER_MIN (counted
 * per user before the body is even validated, 429 with Retry-After), SHOTLIST_MAX_PROMPT_CHARS,
 * and /v1/gate's reasons for a user without early access or past the user cap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GateState } from '../../../src/shared/contracts/api';
import { ENGINES, startHarness, type Harness } from './helpers/harness';
import { expectProblem } from './helpers/problem';

const PROMPT = 'A red fox trots through fresh snow at dawn, wide shot';

describe.each(ENGINES)('contract settings on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    // The limit counts clock minutes: the clock starts 20 s into one, so the burst below never straddles two.
    const start = Date.now();
    const t0 = Math.floor(start / 60_000) * 60_000 + 20_000;
    h = await startHarness(engine, { env: { SHOTLIST_RATE_LIMIT_PER_MIN: '3', SHOTLIST_MAX_PROMPT_CHARS: '60' }, clock: () => t0 + (Date.now() - start) });
    await h.openGate();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('counts SHOTLIST_RATE_LIMIT_PER_MIN submissions per user, malformed ones too, then answers 429 with Retry-After', async () => {
    const u = await h.user();
    const other = await h.user();
    expect((await h.submit(u.token, { prompt: PROMPT })).status).toBe(202);
    expect((await h.call('POST', '/v1/generations', { token: u.token, raw: '{bad', headers: { 'content-type': 'application/json', 'idempotency-key': 'k-bad' } })).status).toBe(400);
    expect((await h.submit(u.token, { prompt: PROMPT })).status).toBe(202);
    const limited = await h.submit(u.token, { prompt: PROMPT });
    expectProblem(limited, 429, 'rate_limited');
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Per user: another user is not limited by the first one's submissions.
    expect((await h.submit(other.token, { prompt: PROMPT })).status).toBe(202);
  });

  it('refuses prompts longer than SHOTLIST_MAX_PROMPT_CHARS with prompt_rejected', async () => {
    const u = await h.user();
    const res = await h.submit(u.token, { prompt: 'x'.repeat(61) });
    const p = expectProblem(res, 422, 'prompt_rejected');
    expect(p.detail).toContain('60 characters');
    expect((await h.submit(u.token, { prompt: `${'A calm lake at dawn, wide shot, mist '.padEnd(60, '.')}` })).status).toBe(202);
  });

  it('/v1/gate names early_access_required and daily_cap_reached', async () => {
    const outsider = await h.user({ earlyAccess: false });
    expect(GateState.parse((await h.call('GET', '/v1/gate', { token: outsider.token })).body)).toMatchObject({ generationEnabled: false, reasons: ['early_access_required'] });
    const u = await h.user({ credits: 100 });
    await h.openGate({ dailyCreditCap: null, userDailyCreditCap: 8 });
    expect((await h.submit(u.token, { prompt: PROMPT, durationSeconds: 8 })).status).toBe(202);
    expect(GateState.parse((await h.call('GET', '/v1/gate', { token: u.token })).body)).toMatchObject({ generationEnabled: false, reasons: ['daily_cap_reached'], dailyRemaining: 0 });
    await h.openGate();
  });
});
