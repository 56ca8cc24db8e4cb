/**
 * A provider that does not answer: each create is aborted once SHOTLIST_PROVIDER_TIMEOUT_MS has
 * passed, asked about by our task id, retried (this provider dedupes creates by our id), and the
 * task is then failed and refunded once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Generation, Me } from '../../../src/shared/contracts/api';
import { auditLedger } from '../../../src/server/ledger/audit';
import { startHarness, type Harness } from './helpers/harness';

describe('provider call timeouts', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('abort each attempt in time, retry with the same task id, then fail and refund once', async () => {
    h = await startHarness('sqlite', { env: { SHOTLIST_PROVIDER_TIMEOUT_MS: '150', SHOTLIST_PROVIDER_RETRIES: '1' } });
    await h.openGate();
    const u = await h.user({ credits: 20 });
    // [sim:slow] holds a create until it is released or aborted: only the timeout ends it.
    const res = await h.submit(u.token, { prompt: 'A kite over a grey beach, wide shot [sim:slow]', durationSeconds: 4 });

    expect(res.status).toBe(202);
    expect(Generation.parse(res.body)).toMatchObject({ status: 'failed', refunded: true, error: { code: 'provider_unavailable' } });
    expect(h.provider.createCalls).toBe(2);
    expect(Me.parse((await h.call('GET', '/v1/me', { token: u.token })).body).credits).toEqual({ available: 20, reserved: 0 });
    expect(await auditLedger(h.server.context.db)).toEqual([]);
  });
});
