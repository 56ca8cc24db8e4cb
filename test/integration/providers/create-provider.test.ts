import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProvider, type CreateProviderOptions } from '../../../src/server/providers';
import { ProviderConfigError } from '../../../src/server/providers/provider';
import { SAMPLE_CLIP_PATH } from '../../../src/server/providers/simulated/service';
import { startFakeGemini } from './fake-gemini';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';
import { rejectionOf } from './rejection';

const never = new AbortController().signal;
const secret = `whsec_${randomBytes(32).toString('base64')}`;

const configError = (p: Promise<unknown>) => rejectionOf(p, ProviderConfigError);

describe('createProvider', () => {
  let dataDir: string;
  let receiver: WebhookReceiver;
  let base: CreateProviderOptions;

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'shotlist-providers-'));
    receiver = await startWebhookReceiver();
    base = { name: 'simulated', env: { SHOTLIST_SIM_LATENCY_MS: '50' }, dataDir, webhookUrl: receiver.url, webhookSecret: secret };
  });

  afterEach(async () => {
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts the simulated provider on loopback and wires its webhooks, clip and data dir', async () => {
    const { provider, close } = await createProvider(base);
    try {
      expect(provider.name).toBe('simulated');
      expect(provider.polled).toBe(false);
      const { providerTaskId } = await provider.createTask(
        { taskId: randomUUID(), prompt: 'A paper boat in the rain', durationSeconds: 4, aspectRatio: '16:9', generateAudio: false },
        never,
      );
      await receiver.waitFor((d) => d.length === 2);
      const done = new Webhook(secret).verify(receiver.deliveries[1]?.body ?? '', {
        'webhook-id': String(receiver.deliveries[1]?.headers['webhook-id']),
        'webhook-timestamp': String(receiver.deliveries[1]?.headers['webhook-timestamp']),
        'webhook-signature': String(receiver.deliveries[1]?.headers['webhook-signature']),
      }) as { type: string; data: { providerTaskId: string; videoUrl: string } };
      expect(done.type).toBe('task.succeeded');
      expect(done.data.providerTaskId).toBe(providerTaskId);
      expect(new URL(done.data.videoUrl).hostname).toBe('127.0.0.1');
      const clip = await provider.downloadVideo(done.data.videoUrl, never);
      expect(Buffer.from(clip).equals(readFileSync(SAMPLE_CLIP_PATH))).toBe(true);
      expect(existsSync(join(dataDir, 'simulated-provider', 'tasks.json'))).toBe(true);
      expect(readFileSync(join(dataDir, 'simulated-provider', 'tasks.json'), 'utf8')).not.toContain('paper boat');
    } finally {
      await close();
    }
  });

  it('treats an empty name as the default, simulated', async () => {
    const { provider, close } = await createProvider({ ...base, name: '' });
    await close();
    expect(provider.name).toBe('simulated');
  });

  it('refuses an unknown provider with a coded error', async () => {
    const err = await configError(createProvider({ ...base, name: 'sora' }));
    expect(err.code).toBe('provider_unknown');
    expect(err.message).toContain('simulated');
  });

  it('refuses a bad simulated latency', async () => {
    const err = await configError(createProvider({ ...base, env: { SHOTLIST_SIM_LATENCY_MS: 'soon' } }));
    expect(err.code).toBe('provider_config_invalid');
  });

  it('needs GEMINI_API_KEY for gemini', async () => {
    expect((await configError(createProvider({ ...base, name: 'gemini', env: {} }))).code).toBe('gemini_api_key_missing');
    expect((await configError(createProvider({ ...base, name: 'gemini', env: { GEMINI_API_KEY: '  ' } }))).code).toBe(
      'gemini_api_key_missing',
    );
  });

  it('checks the other gemini settings', async () => {
    const env = { GEMINI_API_KEY: 'k' };
    for (const extra of [{ GEMINI_MODEL: 'gemini-2.5-flash' }, { GEMINI_RESOLUTION: '4k' }, { GEMINI_BASE_URL: 'ftp://x' }]) {
      expect((await configError(createProvider({ ...base, name: 'gemini', env: { ...env, ...extra } }))).code).toBe(
        'provider_config_invalid',
      );
    }
  });

  it('builds the gemini provider from the environment, pointed at GEMINI_BASE_URL', async () => {
    const fake = await startFakeGemini();
    try {
      fake.script.pollsUntilDone = 0;
      const { provider, close } = await createProvider({
        ...base,
        name: 'gemini',
        env: { GEMINI_API_KEY: fake.apiKey, GEMINI_BASE_URL: fake.baseUrl, GEMINI_MODEL: 'veo-3.0-generate-001' },
      });
      expect(provider.polled).toBe(true);
      const { providerTaskId } = await provider.createTask(
        { taskId: randomUUID(), prompt: 'A paper boat in the rain', durationSeconds: 4, aspectRatio: '16:9', generateAudio: false },
        never,
      );
      expect(fake.requests[0]?.path).toBe('/v1beta/models/veo-3.0-generate-001:predictLongRunning');
      const state = await provider.getTask(providerTaskId, never);
      expect(state.state).toBe('succeeded');
      await close();
    } finally {
      await fake.close();
    }
  });
});
