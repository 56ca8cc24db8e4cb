/**
 * Generated keys are kept (gated-api.md: the webhook secret is "generated and kept"): after a
 * restart on the same data, the server verifies webhooks signed with the secret it made before,
 * hashes the same prompt to the same hash, still serves the clip at a video URL it signed
 * before, and still knows its users' tokens. On both engines.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Generation } from '../../../src/shared/contracts/api';
import { freshPostgresDatabase } from './helpers/postgres';
import { ENGINES, startHarness, type Harness } from './helpers/harness';

const PROMPT = 'A fox crossing a frozen river at first light, wide, slow pan';

describe.each(ENGINES)('keys across a restart on %s', (engine) => {
  let h: Harness | undefined;
  let dataDir: string | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    dataDir = undefined;
  });

  it('keeps the webhook secret, the prompt-hash key and the video URL key', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'shotlist-keys-'));
    const databaseUrl = engine === 'postgres' ? await freshPostgresDatabase() : undefined;
    const where = { dataDir, ...(databaseUrl ? { databaseUrl } : {}) };
    h = await startHarness(engine, where);
    await h.openGate();
    const u = await h.user();
    const first = Generation.parse((await h.submit(u.token, { prompt: PROMPT })).body);
    const secret = h.server.context.secrets.webhookSecret;
    expect(secret).toMatch(/^whsec_/);
    expect((await h.webhook({ type: 'task.succeeded', data: { providerTaskId: h.provider.providerTaskIdFor(first.id), videoUrl: 'fake://clip/keys' } })).body).toEqual({ result: 'applied' });
    const url = Generation.parse((await h.call('GET', `/v1/generations/${first.id}`, { token: u.token })).body).videoUrl!;
    await h.close();

    h = await startHarness(engine, where);
    expect(h.server.context.secrets.webhookSecret).toBe(secret);
    // The same prompt hashes the same; the token issued before still works.
    const second = Generation.parse((await h.submit(u.token, { prompt: PROMPT })).body);
    expect(second.promptHash).toBe(first.promptHash);
    // A webhook signed with the secret the first run made verifies (the harness signs with it).
    expect((await h.webhook({ type: 'task.running', data: { providerTaskId: h.provider.providerTaskIdFor(second.id) } }, { secret })).body).toEqual({ result: 'applied' });
    // The same signed path and query, on the restarted server's (new) port.
    const signed = new URL(url);
    expect((await fetch(`${h.server.url}${signed.pathname}${signed.search}`)).status).toBe(200);
  });
});
