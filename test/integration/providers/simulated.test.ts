import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProviderError, type ProviderTaskInput } from '../../../src/server/providers/provider';
import { SimulatedProviderClient } from '../../../src/server/providers/simulated/client';
import {
  SAMPLE_CLIP_PATH,
  startSimulatedProvider,
  type SimulatedProviderOptions,
  type SimulatedProviderService,
} from '../../../src/server/providers/simulated/service';
import { FINISHED_TASK_RETENTION_MS, SimTaskStore } from '../../../src/server/providers/simulated/task-store';
import { startWebhookReceiver, type Delivery, type WebhookReceiver } from './webhook-receiver';
import { rejectionOf } from './rejection';

const LATENCY_MS = 150;
const secret = `whsec_${randomBytes(32).toString('base64')}`;
const never = new AbortController().signal;

interface Event {
  type: string;
  data: { providerTaskId: string; videoUrl?: string; error?: string };
}

function event(d: Delivery): Event {
  return JSON.parse(d.body) as Event;
}

function eventsFor(deliveries: Delivery[], providerTaskId: string): Delivery[] {
  return deliveries.filter((d) => event(d).data.providerTaskId === providerTaskId);
}

function input(prompt: string, taskId = randomUUID()): ProviderTaskInput {
  return { taskId, prompt, durationSeconds: 4, aspectRatio: '16:9', generateAudio: false };
}

const rejection = (p: Promise<unknown>) => rejectionOf(p, ProviderError);

describe('simulated provider service and client', () => {
  let receiver: WebhookReceiver;
  let service: SimulatedProviderService;
  let client: SimulatedProviderClient;
  let dataDir: string;

  async function start(extra: Partial<SimulatedProviderOptions> = {}): Promise<void> {
    service = await startSimulatedProvider({
      webhookUrl: receiver.url,
      webhookSecret: secret,
      dataDir,
      latencyMs: LATENCY_MS,
      webhookRetry: { attempts: 5, baseDelayMs: 20, maxDelayMs: 200, attemptTimeoutMs: 2_000 },
      ...extra,
    });
    client = new SimulatedProviderClient({ baseUrl: service.baseUrl, apiKey: service.apiKey, retryBaseDelayMs: 10 });
  }

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'shotlist-sim-'));
    receiver = await startWebhookReceiver();
    await start();
  });

  afterEach(async () => {
    await service.close();
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('without a directive: task.running, then task.succeeded after the latency, signed for the shared secret', async () => {
    const createdAt = Date.now();
    const { providerTaskId } = await client.createTask(input('A lighthouse at dusk, slow dolly in'), never);
    await receiver.waitFor((d) => eventsFor(d, providerTaskId).length === 2);
    const [running, succeeded] = eventsFor(receiver.deliveries, providerTaskId);
    if (!running || !succeeded) throw new Error('missing webhooks');

    expect(event(running)).toEqual({ type: 'task.running', data: { providerTaskId } });
    expect(event(succeeded).type).toBe('task.succeeded');
    expect(succeeded.receivedAt - createdAt).toBeGreaterThanOrEqual(LATENCY_MS - 5);

    const verifier = new Webhook(secret);
    for (const d of [running, succeeded]) {
      const headers = {
        'webhook-id': String(d.headers['webhook-id']),
        'webhook-timestamp': String(d.headers['webhook-timestamp']),
        'webhook-signature': String(d.headers['webhook-signature']),
      };
      expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      expect(verifier.verify(d.body, headers)).toEqual(JSON.parse(d.body));
      expect(() => new Webhook(`whsec_${randomBytes(32).toString('base64')}`).verify(d.body, headers)).toThrow();
      expect(() => verifier.verify(d.body.replace('task.', 'task_'), headers)).toThrow();
    }
    expect(running.headers['webhook-id']).not.toBe(succeeded.headers['webhook-id']);

    const state = await client.getTask(providerTaskId, never);
    expect(state).toEqual({ state: 'succeeded', videoUrl: event(succeeded).data.videoUrl });
  });

  it('serves the real clip of a succeeded task, only with the key and only once it has succeeded', async () => {
    const { providerTaskId } = await client.createTask(input('A red kite over a hill'), never);
    await receiver.waitFor((d) => eventsFor(d, providerTaskId).some((x) => event(x).type === 'task.succeeded'));
    const videoUrl = eventsFor(receiver.deliveries, providerTaskId).map(event).find((e) => e.type === 'task.succeeded')?.data.videoUrl;
    if (!videoUrl) throw new Error('no videoUrl');

    const bytes = await client.downloadVideo(videoUrl, never);
    expect(Buffer.from(bytes).equals(readFileSync(SAMPLE_CLIP_PATH))).toBe(true);

    const anonymous = await fetch(videoUrl);
    expect(anonymous.status).toBe(401);

    const held = await client.createTask(input('[sim:hold] a kite'), never);
    const unfinished = videoUrl.replace(providerTaskId, held.providerTaskId);
    expect((await rejection(client.downloadVideo(unfinished, never))).kind).toBe('rejected');
  });

  it('never sends its key to a URL that is not its own', async () => {
    const err = await rejection(client.downloadVideo('http://127.0.0.1:9/clips/x.mp4', never));
    expect(err.code).toBe('untrusted_video_url');
  });

  it('dedupes creates by our task id: same providerTaskId, one task, one set of webhooks', async () => {
    const task = input('A fox in the snow, close-up');
    const [a, b] = await Promise.all([client.createTask(task, never), client.createTask(task, never)]);
    const c = await client.createTask(task, never);
    expect(b.providerTaskId).toBe(a.providerTaskId);
    expect(c.providerTaskId).toBe(a.providerTaskId);
    expect(await client.findTaskByOurId(task.taskId, never)).toEqual({ providerTaskId: a.providerTaskId });
    expect(await client.findTaskByOurId('no-such-task', never)).toBeNull();

    await receiver.waitFor((d) => eventsFor(d, a.providerTaskId).length === 2);
    await new Promise((r) => setTimeout(r, LATENCY_MS));
    expect(receiver.deliveries.map((d) => event(d).type)).toEqual(['task.running', 'task.succeeded']);
  });

  it('[sim:fail]: task.running, then task.failed', async () => {
    const { providerTaskId } = await client.createTask(input('A storm at sea [sim:fail]'), never);
    await receiver.waitFor((d) => eventsFor(d, providerTaskId).length === 2);
    const types = eventsFor(receiver.deliveries, providerTaskId).map((d) => event(d).type);
    expect(types).toEqual(['task.running', 'task.failed']);
    const failed = event(eventsFor(receiver.deliveries, providerTaskId)[1] as Delivery);
    expect(failed.data.error).toBeTruthy();
    expect(failed.data.videoUrl).toBeUndefined();
    expect((await client.getTask(providerTaskId, never)).state).toBe('failed');
  });

  it('[sim:reject]: the create fails with HTTP 500, becomes an unavailable ProviderError, and leaves no task', async () => {
    const task = input('[sim:reject] a meadow');
    const raw = await fetch(`${service.baseUrl}/tasks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${service.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(task),
    });
    expect(raw.status).toBe(500);

    const err = await rejection(client.createTask(task, never));
    expect(err.kind).toBe('unavailable');
    expect(await client.findTaskByOurId(task.taskId, never)).toBeNull();
    await new Promise((r) => setTimeout(r, LATENCY_MS * 2));
    expect(receiver.deliveries).toHaveLength(0);
  });

  it('[sim:hold]: accepted, no webhook ever, until a cancel ends it', async () => {
    const { providerTaskId } = await client.createTask(input('[sim:hold] a quiet street'), never);
    await new Promise((r) => setTimeout(r, LATENCY_MS * 3));
    expect(receiver.deliveries).toHaveLength(0);
    expect(await client.getTask(providerTaskId, never)).toEqual({ state: 'pending' });

    await client.cancelTask(providerTaskId, never);
    expect(await client.getTask(providerTaskId, never)).toEqual({ state: 'failed', error: 'canceled' });
    expect(receiver.deliveries).toHaveLength(0);
  });

  it('a canceled running task never reports success', async () => {
    const { providerTaskId } = await client.createTask(input('A train crossing a bridge'), never);
    await client.cancelTask(providerTaskId, never);
    await new Promise((r) => setTimeout(r, LATENCY_MS * 3));
    expect(eventsFor(receiver.deliveries, providerTaskId).map((d) => event(d).type)).toEqual(['task.running']);
    expect((await client.getTask(providerTaskId, never)).state).toBe('failed');
  });

  it('[sim:duplicate]: every webhook twice, same webhook-id, the second a few ms later', async () => {
    const { providerTaskId } = await client.createTask(input('[sim:duplicate] a waterfall'), never);
    await receiver.waitFor((d) => eventsFor(d, providerTaskId).length === 4);
    const d = eventsFor(receiver.deliveries, providerTaskId);
    expect(d.map((x) => event(x).type)).toEqual(['task.running', 'task.running', 'task.succeeded', 'task.succeeded']);
    for (const [first, second] of [
      [d[0], d[1]],
      [d[2], d[3]],
    ] as const) {
      if (!first || !second) throw new Error('missing delivery');
      expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
      expect(second.body).toBe(first.body);
      expect(second.receivedAt - first.receivedAt).toBeLessThan(LATENCY_MS);
    }
    expect(d[0]?.headers['webhook-id']).not.toBe(d[2]?.headers['webhook-id']);
  });

  it('retries a webhook the receiver answers 500 to, with backoff and the same webhook-id, in order', async () => {
    receiver.failNext(3);
    const { providerTaskId } = await client.createTask(input('A hummingbird, macro'), never);
    await receiver.waitFor((d) => eventsFor(d, providerTaskId).some((x) => event(x).type === 'task.succeeded'));
    const d = eventsFor(receiver.deliveries, providerTaskId);
    expect(d.map((x) => `${event(x).type}:${x.status}`)).toEqual([
      'task.running:500',
      'task.running:500',
      'task.running:500',
      'task.running:200',
      'task.succeeded:200',
    ]);
    expect(new Set(d.slice(0, 4).map((x) => x.headers['webhook-id'])).size).toBe(1);
    const gaps = d.slice(1, 4).map((x, i) => x.receivedAt - (d[i] as Delivery).receivedAt);
    expect(gaps[0]).toBeGreaterThanOrEqual(15);
    expect(gaps[2]).toBeGreaterThan(gaps[0] as number);
  });

  it('gives up on a webhook after the bounded number of attempts', async () => {
    receiver.failNext(100);
    const { providerTaskId } = await client.createTask(input('[sim:hold] nothing'), never);
    const other = await client.createTask(input('A kettle boiling'), never);
    await receiver.waitFor((d) => eventsFor(d, other.providerTaskId).length >= 5, 10_000);
    await new Promise((r) => setTimeout(r, 1_000));
    // running is tried 5 times and given up; then succeeded is tried 5 times.
    expect(eventsFor(receiver.deliveries, other.providerTaskId)).toHaveLength(10);
    expect(eventsFor(receiver.deliveries, providerTaskId)).toHaveLength(0);
  });

  it('refuses calls without its API key and bad create bodies', async () => {
    const res = await fetch(`${service.baseUrl}/tasks?ourId=x`);
    expect(res.status).toBe(401);
    const bad = await client
      .createTask({ ...input('A cat'), durationSeconds: 999 }, never)
      .then(() => null, (e: unknown) => e);
    expect(bad).toBeInstanceOf(ProviderError);
    expect((bad as ProviderError).kind).toBe('rejected');
    const wrongKey = new SimulatedProviderClient({ baseUrl: service.baseUrl, apiKey: 'nope' });
    expect((await rejection(wrongKey.getTask('sim_x', never))).kind).toBe('rejected');
  });

  it('reports an unknown task as unknown', async () => {
    expect(await client.getTask('sim_does_not_exist', never)).toEqual({ state: 'unknown' });
  });

  it('keeps its tasks across a restart: dedupe still holds and unfinished work completes', async () => {
    const held = input('[sim:hold] a harbour');
    const running = input('A harbour at night, neon reflections');
    const h = await client.createTask(held, never);
    await service.close();
    // Started and stopped before its outcome: the restarted provider must still deliver it.
    receiver.deliveries.length = 0;
    await start({ latencyMs: 10_000 });
    const r = await client.createTask(running, never);
    await receiver.waitFor((d) => eventsFor(d, r.providerTaskId).length === 1);
    await service.close();

    await start();
    expect(await client.findTaskByOurId(held.taskId, never)).toEqual({ providerTaskId: h.providerTaskId });
    expect(await client.createTask(held, never)).toEqual({ providerTaskId: h.providerTaskId });
    await receiver.waitFor((d) => eventsFor(d, r.providerTaskId).some((x) => event(x).type === 'task.succeeded'));
    expect((await client.getTask(r.providerTaskId, never)).state).toBe('succeeded');
  });
});

describe('simulated provider client deadlines', () => {
  it('times out a provider that never answers, and stops when the caller aborts', async () => {
    let requests = 0;
    const silent = createServer(() => {
      requests++;
    });
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const { port } = silent.address() as AddressInfo;
    const client = new SimulatedProviderClient({
      baseUrl: `http://127.0.0.1:${port}`,
      apiKey: 'k',
      callTimeoutMs: 100,
      attempts: 2,
      retryBaseDelayMs: 10,
    });
    try {
      const err = await rejection(client.createTask(input('A cat'), never));
      expect(err.kind).toBe('timeout');
      expect(requests).toBe(2);

      const caller = new AbortController();
      const slow = new SimulatedProviderClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: 'k', callTimeoutMs: 60_000 });
      const pending = rejection(slow.getTask('sim_x', caller.signal));
      setTimeout(() => caller.abort(), 50);
      expect((await pending).kind).toBe('timeout');
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((r) => silent.close(() => r()));
    }
  });

  it('reports a provider that is not there as unavailable after its retries', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((r) => probe.close(() => r()));
    const client = new SimulatedProviderClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: 'k', retryBaseDelayMs: 5 });
    expect((await rejection(client.createTask(input('A cat'), never))).kind).toBe('unavailable');
  });
});

describe('simulated provider task table', () => {
  it('forgets finished tasks after the retention period, never unfinished ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shotlist-sim-store-'));
    try {
      const old = new Date(Date.now() - FINISHED_TASK_RETENTION_MS - 60_000).toISOString();
      const fresh = new Date().toISOString();
      const task = (id: string, state: 'succeeded' | 'running', at: string) => ({
        providerTaskId: id,
        ourTaskId: `our-${id}`,
        outcome: 'succeed' as const,
        duplicate: false,
        state,
        durationSeconds: 4,
        aspectRatio: '16:9' as const,
        generateAudio: false,
        createdAt: at,
        updatedAt: at,
      });
      const store = new SimTaskStore(dir);
      store.add(task('old-done', 'succeeded', old));
      store.add(task('old-running', 'running', old));
      store.add(task('new-done', 'succeeded', fresh));
      const reopened = new SimTaskStore(dir);
      expect(reopened.all().map((t) => t.providerTaskId).sort()).toEqual(['new-done', 'old-running']);
      expect(reopened.findByOurId('our-new-done')?.providerTaskId).toBe('new-done');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
