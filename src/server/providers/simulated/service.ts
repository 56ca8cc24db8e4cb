/**
 * The simulated video provider: its own HTTP service on loopback that behaves like a remote
 * provider's API. It takes tasks over HTTP (deduped by our task id), decides each outcome
 * from the directives in the prompt, and reports outcomes only through signed webhooks.
 *
 *   POST /tasks                      create (same taskId → same providerTaskId)
 *   GET  /tasks/:providerTaskId      a task's state
 *   GET  /tasks?ourId=:taskId        look a task up by our id
 *   POST /tasks/:providerTaskId/cancel
 *   GET  /clips/:providerTaskId.mp4  the clip of a succeeded task
 *
 * Every route wants `Authorization: Bearer <apiKey>`, like a real provider's API key.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AspectRatio, DurationSeconds } from '../../../shared/contracts/api';
import { parseDirectives } from './directives';
import { SimTaskStore, type SimTask } from './task-store';
import { DEFAULT_WEBHOOK_RETRY, WebhookSender, type WebhookEvent, type WebhookRetryPolicy } from './webhook-sender';

export const DEFAULT_SIM_LATENCY_MS = 1500;
export const SAMPLE_CLIP_PATH = fileURLToPath(new URL('../../../../resources/sample-clip.mp4', import.meta.url));
const MAX_BODY_BYTES = 64 * 1024;
const DUPLICATE_DELAY_MS = 5;

export const SimCreateTaskBody = z
  .object({
    taskId: z.string().min(1).max(200),
    prompt: z.string().min(1).max(100_000),
    durationSeconds: DurationSeconds,
    aspectRatio: AspectRatio,
    negativePrompt: z.string().max(100_000).optional(),
    generateAudio: z.boolean(),
  })
  .strict();
export type SimCreateTaskBody = z.infer<typeof SimCreateTaskBody>;

export interface SimulatedProviderOptions {
  webhookUrl: string;
  webhookSecret: string;
  /** Where the task table is kept across restarts; in memory only when absent. */
  dataDir?: string;
  /** From create to the final outcome. */
  latencyMs?: number;
  apiKey?: string;
  clipPath?: string;
  webhookRetry?: WebhookRetryPolicy;
}

export interface SimulatedProviderService {
  readonly baseUrl: string;
  readonly apiKey: string;
  close(): Promise<void>;
}

export async function startSimulatedProvider(options: SimulatedProviderOptions): Promise<SimulatedProviderService> {
  const clip = await readFile(options.clipPath ?? SAMPLE_CLIP_PATH);
  const sim = new SimulatedProvider(options, clip);
  return sim.listen();
}

class SimulatedProvider {
  private readonly store: SimTaskStore;
  private readonly sender: WebhookSender;
  private readonly apiKey: string;
  private readonly latencyMs: number;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Each task's webhooks go out one after another, in order. */
  private readonly deliveryChains = new Map<string, Promise<void>>();
  private readonly closing = new AbortController();
  private readonly server: Server;
  private baseUrl = '';

  constructor(
    options: SimulatedProviderOptions,
    private readonly clip: Buffer,
  ) {
    this.store = new SimTaskStore(options.dataDir);
    this.sender = new WebhookSender(options.webhookUrl, options.webhookSecret, options.webhookRetry ?? DEFAULT_WEBHOOK_RETRY);
    this.apiKey = options.apiKey ?? `simkey_${randomBytes(24).toString('base64url')}`;
    this.latencyMs = options.latencyMs ?? DEFAULT_SIM_LATENCY_MS;
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(() => {
        if (!res.headersSent) send(res, 500, { code: 'internal_error' });
        else res.destroy();
      });
    });
  }

  async listen(): Promise<SimulatedProviderService> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.resumeUnfinished();
    return { baseUrl: this.baseUrl, apiKey: this.apiKey, close: () => this.close() };
  }

  private async close(): Promise<void> {
    this.closing.abort();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled(this.deliveryChains.values());
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!this.authorized(req)) return send(res, 401, { code: 'unauthenticated' });
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const method = req.method ?? 'GET';

    if (path[0] === 'tasks') {
      if (path.length === 1 && method === 'POST') return this.create(req, res);
      if (path.length === 1 && method === 'GET') {
        const ourId = url.searchParams.get('ourId');
        if (!ourId) return send(res, 400, { code: 'invalid_request', detail: 'ourId is required' });
        return this.sendTask(res, this.store.findByOurId(ourId));
      }
      if (path.length === 2 && method === 'GET') return this.sendTask(res, this.store.get(path[1] ?? ''));
      if (path.length === 3 && path[2] === 'cancel' && method === 'POST') return this.cancel(res, path[1] ?? '');
    }
    if (path[0] === 'clips' && path.length === 2 && method === 'GET') return this.sendClip(res, path[1] ?? '');
    return send(res, 404, { code: 'not_found' });
  }

  private authorized(req: IncomingMessage): boolean {
    const given = Buffer.from(req.headers.authorization ?? '');
    const expected = Buffer.from(`Bearer ${this.apiKey}`);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private async create(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    if (raw === null) return send(res, 413, { code: 'payload_too_large' });
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return send(res, 400, { code: 'invalid_request', detail: 'body is not JSON' });
    }
    const parsed = SimCreateTaskBody.safeParse(json);
    if (!parsed.success) return send(res, 400, { code: 'invalid_request', detail: z.prettifyError(parsed.error) });
    const body = parsed.data;

    const existing = this.store.findByOurId(body.taskId);
    if (existing) return send(res, 200, { providerTaskId: existing.providerTaskId });

    const { outcome, duplicate } = parseDirectives(body.prompt);
    if (outcome === 'reject') return send(res, 500, { code: 'internal_error', detail: 'the provider failed to create the task' });

    const now = new Date().toISOString();
    const task: SimTask = {
      providerTaskId: `sim_${randomBytes(16).toString('base64url')}`,
      ourTaskId: body.taskId,
      outcome,
      duplicate,
      state: 'queued',
      durationSeconds: body.durationSeconds,
      aspectRatio: body.aspectRatio,
      generateAudio: body.generateAudio,
      createdAt: now,
      updatedAt: now,
    };
    this.store.add(task);
    send(res, 201, { providerTaskId: task.providerTaskId });
    this.run(task, this.latencyMs);
  }

  /** Drives a task to its outcome: running now, the final state after `delayMs`. */
  private run(task: SimTask, delayMs: number): void {
    if (task.outcome === 'hold') return;
    if (task.state === 'queued') {
      this.store.setState(task.providerTaskId, 'running');
      this.emit(task, { type: 'task.running', data: { providerTaskId: task.providerTaskId } });
    }
    const timer = setTimeout(() => {
      this.timers.delete(task.providerTaskId);
      this.finish(task);
    }, delayMs);
    this.timers.set(task.providerTaskId, timer);
  }

  private finish(task: SimTask): void {
    const { providerTaskId } = task;
    if (task.outcome === 'succeed') {
      this.store.setState(providerTaskId, 'succeeded');
      this.emit(task, { type: 'task.succeeded', data: { providerTaskId, videoUrl: this.clipUrl(providerTaskId) } });
    } else {
      this.store.setState(providerTaskId, 'failed');
      this.emit(task, { type: 'task.failed', data: { providerTaskId, error: 'generation_failed' } });
    }
  }

  /** After a restart: tasks that had not finished carry on as if the provider had kept running. */
  private resumeUnfinished(): void {
    for (const task of this.store.all()) {
      if (task.state === 'queued' || task.state === 'running') {
        const elapsed = Date.now() - Date.parse(task.createdAt);
        this.run(task, Math.max(0, this.latencyMs - elapsed));
      }
    }
  }

  private emit(task: SimTask, event: WebhookEvent): void {
    const id = task.providerTaskId;
    const previous = this.deliveryChains.get(id) ?? Promise.resolve();
    const next = previous.then(async () => {
      const signal = this.closing.signal;
      const first = await this.sender.deliver(event, signal);
      if (task.duplicate && !signal.aborted) {
        await new Promise((resolve) => setTimeout(resolve, DUPLICATE_DELAY_MS));
        await this.sender.deliver(event, signal, first.webhookId);
      }
    });
    this.deliveryChains.set(id, next);
    void next.finally(() => {
      if (this.deliveryChains.get(id) === next) this.deliveryChains.delete(id);
    });
  }

  private cancel(res: ServerResponse, providerTaskId: string): void {
    const task = this.store.get(providerTaskId);
    if (!task) return send(res, 404, { code: 'not_found' });
    if (task.state === 'queued' || task.state === 'running') {
      const timer = this.timers.get(providerTaskId);
      if (timer) clearTimeout(timer);
      this.timers.delete(providerTaskId);
      this.store.setState(providerTaskId, 'canceled');
    }
    this.sendTask(res, task);
  }

  private sendTask(res: ServerResponse, task: SimTask | undefined): void {
    if (!task) return send(res, 404, { code: 'not_found' });
    send(res, 200, {
      providerTaskId: task.providerTaskId,
      state: task.state,
      ...(task.state === 'succeeded' ? { videoUrl: this.clipUrl(task.providerTaskId) } : {}),
      ...(task.state === 'failed' ? { error: 'generation_failed' } : {}),
      ...(task.state === 'canceled' ? { error: 'canceled' } : {}),
      createdAt: task.createdAt,
      updatedAt: task.updatedAt,
    });
  }

  private sendClip(res: ServerResponse, file: string): void {
    const providerTaskId = file.endsWith('.mp4') ? file.slice(0, -'.mp4'.length) : '';
    const task = this.store.get(providerTaskId);
    if (!task || task.state !== 'succeeded') return send(res, 404, { code: 'not_found' });
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': this.clip.length });
    res.end(this.clip);
  }

  private clipUrl(providerTaskId: string): string {
    return `${this.baseUrl}/clips/${encodeURIComponent(providerTaskId)}.mp4`;
  }
}

function send(res: ServerResponse, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** The request body as text, or null when it is over the limit. */
async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}
