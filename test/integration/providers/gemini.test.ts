import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GeminiVideoProvider, type GeminiProviderOptions } from '../../../src/server/providers/gemini';
import { ProviderError, type ProviderTaskInput } from '../../../src/server/providers/provider';
import { startFakeGemini, type FakeGemini } from './fake-gemini';
import { rejectionOf } from './rejection';

const never = new AbortController().signal;
const MODEL = 'veo-3.1-generate-preview';

function input(overrides: Partial<ProviderTaskInput> = {}): ProviderTaskInput {
  return {
    taskId: randomUUID(),
    prompt: 'A slow aerial shot over a fjord at dawn, mist on the water',
    durationSeconds: 8,
    aspectRatio: '16:9',
    generateAudio: true,
    ...overrides,
  };
}

const rejection = (p: Promise<unknown>) => rejectionOf(p, ProviderError);

describe('Gemini (Veo) provider against a local fake Gemini API', () => {
  let fake: FakeGemini;
  let provider: GeminiVideoProvider;

  function make(extra: Partial<GeminiProviderOptions> = {}): GeminiVideoProvider {
    return new GeminiVideoProvider({ apiKey: fake.apiKey, baseUrl: fake.baseUrl, model: MODEL, ...extra });
  }

  beforeEach(async () => {
    fake = await startFakeGemini();
    provider = make();
  });

  afterEach(async () => {
    await fake.close();
  });

  const creates = () => fake.requests.filter((r) => r.path.endsWith(':predictLongRunning'));

  it('is polled, not webhook-driven', () => {
    expect(provider.polled).toBe(true);
    expect(provider.name).toBe('gemini');
  });

  it('creates an operation, polls it until done, then downloads the video with the key', async () => {
    fake.script.pollsUntilDone = 3;
    const { providerTaskId } = await provider.createTask(input(), never);
    expect(providerTaskId).toMatch(new RegExp(`^models/${MODEL}/operations/[0-9a-f]+$`));

    const states = [];
    for (let i = 0; i < 4; i++) states.push(await provider.getTask(providerTaskId, never));
    expect(states.slice(0, 3)).toEqual([{ state: 'running' }, { state: 'running' }, { state: 'running' }]);
    const done = states[3];
    if (done?.state !== 'succeeded') throw new Error(`expected success, got ${JSON.stringify(done)}`);
    expect(done.videoUrl).toBe(`${fake.baseUrl}/v1beta/files/${providerTaskId.split('/').pop()}:download?alt=media`);

    const bytes = await provider.downloadVideo(done.videoUrl, never);
    expect(Buffer.from(bytes).equals(fake.video)).toBe(true);

    const polls = fake.requests.filter((r) => r.method === 'GET' && r.path === `/v1beta/${providerTaskId}`);
    expect(polls).toHaveLength(4);
    const toApi = fake.requests.filter((r) => r.path.startsWith('/v1beta/'));
    expect(toApi.length).toBe(6);
    for (const r of toApi) expect(r.headers['x-goog-api-key']).toBe(fake.apiKey);
    const storage = fake.requests.filter((r) => r.path.startsWith('/storage/'));
    expect(storage).toHaveLength(1);
    expect(storage[0]?.headers['x-goog-api-key']).toBeUndefined();
  });

  it('sends our options in the documented request shape, mapped to what Veo accepts', async () => {
    await provider.createTask(input({ durationSeconds: 5, aspectRatio: '9:16', negativePrompt: 'captions, logos' }), never);
    const fullHd = make({ resolution: '1080p' });
    await fullHd.createTask(input({ durationSeconds: 8 }), never);

    const [first, second] = creates();
    expect(first?.path).toBe(`/v1beta/models/${MODEL}:predictLongRunning`);
    expect(first?.body).toEqual({
      instances: [{ prompt: 'A slow aerial shot over a fjord at dawn, mist on the water' }],
      parameters: { sampleCount: 1, durationSeconds: 6, aspectRatio: '9:16', negativePrompt: 'captions, logos' },
    });
    expect(second?.body).toMatchObject({ parameters: { durationSeconds: 8, aspectRatio: '16:9', resolution: '1080p' } });
    expect(JSON.stringify(second?.body)).not.toContain('generateAudio');
  });

  it('refuses options Veo cannot honour before calling Google', async () => {
    expect((await rejection(provider.createTask(input({ aspectRatio: '1:1' }), never))).code).toBe('unsupported_aspect_ratio');
    expect((await rejection(provider.createTask(input({ durationSeconds: 12 }), never))).code).toBe('unsupported_duration');
    const veo2 = make({ model: 'veo-2.0-generate-001' });
    expect((await rejection(veo2.createTask(input({ generateAudio: true }), never))).code).toBe('unsupported_audio');
    expect(fake.requests).toHaveLength(0);
  });

  it('maps an operation error to a failure in our words', async () => {
    fake.script.pollsUntilDone = 0;
    fake.script.operationError = { code: 13, message: 'internal' };
    const { providerTaskId } = await provider.createTask(input(), never);
    const state = await provider.getTask(providerTaskId, never);
    expect(state).toEqual({ state: 'failed', error: 'generation_failed' });
    expect(JSON.stringify(state)).not.toContain(fake.errorSecret);
  });

  it('maps a safety-filtered result to content_filtered', async () => {
    fake.script.pollsUntilDone = 0;
    fake.script.filtered = true;
    const { providerTaskId } = await provider.createTask(input(), never);
    expect(await provider.getTask(providerTaskId, never)).toEqual({ state: 'failed', error: 'content_filtered' });
  });

  it.each([
    [400, 'rejected'],
    [403, 'rejected'],
    [429, 'unavailable'],
    [500, 'unavailable'],
    [503, 'unavailable'],
  ] as const)('a create answered %i is %s, never retried, and keeps Google\'s text out', async (status, kind) => {
    fake.script.createStatus = status;
    const err = await rejection(provider.createTask(input(), never));
    expect(err.kind).toBe(kind);
    expect(err.message).not.toContain(fake.errorSecret);
    expect(creates()).toHaveLength(1);
  });

  it('a wrong API key is a rejection', async () => {
    const wrong = new GeminiVideoProvider({ apiKey: 'wrong', baseUrl: fake.baseUrl, model: MODEL });
    const err = await rejection(wrong.createTask(input(), never));
    expect(err.kind).toBe('rejected');
    expect(fake.requests[0]?.headers['x-goog-api-key']).toBe('wrong');
  });

  it('times out a create that gets no answer, without sending it again', async () => {
    fake.script.hangCreates = true;
    const quick = make({ createTimeoutMs: 150 });
    const started = Date.now();
    const err = await rejection(quick.createTask(input(), never));
    expect(err.kind).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(5_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(creates()).toHaveLength(1);
  });

  it('stops a create when the caller aborts', async () => {
    fake.script.hangCreates = true;
    const caller = new AbortController();
    const pending = rejection(provider.createTask(input(), caller.signal));
    setTimeout(() => caller.abort(), 50);
    expect((await pending).kind).toBe('timeout');
  });

  it('retries a create only when the connection was refused, so nothing was sent', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((r) => probe.close(() => r()));

    const refused = new GeminiVideoProvider({
      apiKey: fake.apiKey,
      baseUrl: `http://127.0.0.1:${port}`,
      model: MODEL,
      connectAttempts: 3,
      connectRetryBaseMs: 300,
    });
    // The API comes up on that port while the adapter waits to retry.
    const late = new Promise<FakeGemini>((resolve, reject) => {
      setTimeout(() => startFakeGemini({ port, apiKey: fake.apiKey }).then(resolve, reject), 50);
    });
    const pending = refused.createTask(input(), never);
    const lateFake = await late;
    try {
      const { providerTaskId } = await pending;
      expect(providerTaskId).toContain('/operations/');
      expect(lateFake.requests.filter((r) => r.path.endsWith(':predictLongRunning'))).toHaveLength(1);
    } finally {
      await lateFake.close();
    }
  });

  it('gives up as unavailable when the API never comes up', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((r) => probe.close(() => r()));
    const down = new GeminiVideoProvider({ apiKey: 'k', baseUrl: `http://127.0.0.1:${port}`, connectAttempts: 2, connectRetryBaseMs: 10 });
    expect((await rejection(down.createTask(input(), never))).kind).toBe('unavailable');
  });

  it('reports an operation Google does not know, or a malformed id, as unknown', async () => {
    expect(await provider.getTask(`models/${MODEL}/operations/doesnotexist`, never)).toEqual({ state: 'unknown' });
    const before = fake.requests.length;
    expect(await provider.getTask('../../etc/passwd', never)).toEqual({ state: 'unknown' });
    expect(await provider.getTask('models/x/operations/a?key=1', never)).toEqual({ state: 'unknown' });
    expect(fake.requests.length).toBe(before);
  });

  it('a poll answered 503 is unavailable', async () => {
    const { providerTaskId } = await provider.createTask(input(), never);
    fake.script.pollStatus = 503;
    const err = await rejection(provider.getTask(providerTaskId, never));
    expect(err.kind).toBe('unavailable');
    expect(err.message).not.toContain(fake.errorSecret);
  });

  it('never sends the API key to a video URL that is not on the API', async () => {
    const err = await rejection(provider.downloadVideo('http://127.0.0.1:9/v1beta/files/x:download?alt=media', never));
    expect(err.code).toBe('untrusted_video_url');
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses a video over the size limit', async () => {
    fake.script.pollsUntilDone = 0;
    const small = make({ maxVideoBytes: 1000 });
    const { providerTaskId } = await small.createTask(input(), never);
    const done = await small.getTask(providerTaskId, never);
    if (done.state !== 'succeeded') throw new Error('expected success');
    expect((await rejection(small.downloadVideo(done.videoUrl, never))).code).toBe('video_too_large');
  });
});
