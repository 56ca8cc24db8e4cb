/**
 * A provider webhook can overtake the answer to the create call: the provider knows the task
 * before the server has recorded its id. The server waits for its own creates in flight, and
 * answers a retryable 503 (never a final-looking 404) while some create is still unrecorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Generation, Me } from '../../../src/shared/contracts/api';
import { auditLedger } from '../../../src/server/ledger/audit';
import type { ProviderTaskInput } from '../../../src/server/providers/provider';
import { FakeProvider } from './helpers/fake-provider';
import { ENGINES, startHarness, type Harness } from './helpers/harness';
import { waitFor } from './helpers/wait-for';

const PROMPT = 'A paper boat drifts down a rain gutter, low angle, overcast light';

/** Sends the outcome webhook for each task before answering the create call, like a very fast provider. */
class RacingProvider extends FakeProvider {
  deliver: ((providerTaskId: string, input: ProviderTaskInput) => Promise<{ status: number; body: unknown }>) | null = null;
  readonly deliveries: Array<Promise<{ status: number; body: unknown }>> = [];

  override async createTask(input: ProviderTaskInput, signal: AbortSignal): Promise<{ providerTaskId: string }> {
    const created = await super.createTask(input, signal);
    if (this.deliver && !input.prompt.includes('[sim:slow]')) {
      this.deliveries.push(this.deliver(created.providerTaskId, input));
      // The webhook is on its way (and reaches the server) before the create's answer does.
      await new Promise((r) => setTimeout(r, 50));
    }
    return created;
  }
}

describe.each(ENGINES)('webhooks that overtake the create call on %s', (engine) => {
  let h: Harness;
  const provider = new RacingProvider();

  beforeAll(async () => {
    // Creates held by the test must outlast the server's wait for them (2 s).
    h = await startHarness(engine, { provider, env: { SHOTLIST_PROVIDER_TIMEOUT_MS: '10000' } });
    await h.openGate();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('are applied once the create is recorded, not refused: a failure refunds once, a success is charged once', async () => {
    provider.deliver = (providerTaskId, input) =>
      h.webhook(
        input.prompt.includes('fail')
          ? { type: 'task.failed', data: { providerTaskId, error: 'raw: out of GPUs' } }
          : { type: 'task.succeeded', data: { providerTaskId, videoUrl: `fake://${providerTaskId}` } },
      );
    const u = await h.user({ credits: 100 });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => h.submit(u.token, { prompt: `${PROMPT} ${i % 2 ? 'fail' : 'ok'}`, durationSeconds: 4 })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(202));
    const answers = (await Promise.all(provider.deliveries.splice(0))).map((a) => ({ status: a.status, body: a.body }));
    expect(answers).toEqual(Array(6).fill({ status: 200, body: { result: 'applied' } }));
    provider.deliver = null;

    let charged = 0;
    for (const [i, r] of results.entries()) {
      const g = Generation.parse((await h.call('GET', `/v1/generations/${r.body.id}`, { token: u.token })).body);
      const kinds = await h.server.context.db.all<{ kind: string }>(`SELECT kind FROM ledger_entries WHERE generation_id = ? AND kind <> 'reserve'`, [g.id]);
      if (i % 2) {
        expect(g).toMatchObject({ status: 'failed', refunded: true, error: { code: 'provider_failed' } });
        expect(kinds).toEqual([{ kind: 'refund' }]);
      } else {
        expect(g).toMatchObject({ status: 'succeeded', refunded: false });
        expect(kinds).toEqual([{ kind: 'charge' }]);
        charged += g.credits;
      }
    }
    expect(Me.parse((await h.call('GET', '/v1/me', { token: u.token })).body).credits).toEqual({ available: 100 - charged, reserved: 0 });
    expect(charged).toBeGreaterThan(0);
    expect(await auditLedger(h.server.context.db)).toEqual([]);
  });

  it('while a create is still unrecorded, an unknown task id gets a retryable 503; with none pending, 404', async () => {
    const u = await h.user({ credits: 20 });
    const slow = h.submit(u.token, { prompt: `${PROMPT} [sim:slow]`, durationSeconds: 4 });
    await waitFor('the slow create to start', async () => (provider.createCalls > 0 && (await h.server.context.db.get("SELECT id FROM generations WHERE submit_state = 'pending'")) ? true : undefined));
    const early = { type: 'task.running', data: { providerTaskId: 'not-recorded-yet' } };
    const res = await h.webhook(early, { id: 'msg-early' });
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('unavailable');
    expect(res.headers.get('retry-after')).toBe('1');

    provider.releaseSlow();
    const g = Generation.parse((await slow).body);
    const ptid = provider.providerTaskIdFor(g.id);
    // The redelivery (same webhook-id) is applied: the 503 did not mark it processed.
    expect((await h.webhook({ type: 'task.running', data: { providerTaskId: ptid } }, { id: 'msg-early' })).body).toEqual({ result: 'applied' });
    expect((await h.webhook(early)).status).toBe(404);
  });
});

describe.each(ENGINES)('the simulated provider with no latency on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    // Its task.running webhook leaves the provider as it answers the create: the race on every task.
    h = await startHarness(engine, { provider: 'configured', env: { SHOTLIST_PROVIDER: 'simulated', SHOTLIST_SIM_LATENCY_MS: '0' } });
    await h.openGate();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('delivers every webhook on the first attempt: no 404 or 503 on the webhook route, every task succeeds once', async () => {
    const u = await h.user({ credits: 200 });
    const sent = await Promise.all(Array.from({ length: 12 }, (_, i) => h.submit(u.token, { prompt: `${PROMPT} take ${i}`, durationSeconds: 4 })));
    expect(sent.every((r) => r.status === 202)).toBe(true);
    for (const r of sent) {
      await waitFor('success', async () => ((await h.call('GET', `/v1/generations/${r.body.id}`, { token: u.token })).body.status === 'succeeded' ? true : undefined));
    }
    const metrics = String((await h.call('GET', '/metrics')).body);
    const webhookAnswers = metrics.split('\n').filter((l) => l.startsWith('shotlist_http_requests_total') && l.includes('route="/v1/webhooks/provider"'));
    expect(webhookAnswers.length).toBeGreaterThan(0);
    expect(webhookAnswers.filter((l) => !l.includes('status="200"'))).toEqual([]);
    expect(await auditLedger(h.server.context.db)).toEqual([]);
  });
});
