/**
 * The server's client for the simulated provider, over HTTP like any remote provider. Each
 * call has its own deadline; failed calls are retried a bounded number of times with
 * backoff, which is safe for create because the provider dedupes by our task id: a retried
 * create can only ever return the same task, never start a second one.
 */
import { z } from 'zod';
import {
  ProviderError,
  type ProviderTaskInput,
  type ProviderTaskState,
  type VideoProvider,
} from '../provider';
import { assertSameOrigin, backoffMs, isAbortError, readBodyCapped, sleep, withDeadline } from '../http';

export interface SimulatedClientOptions {
  baseUrl: string;
  apiKey: string;
  /** Deadline of each HTTP attempt. */
  callTimeoutMs?: number;
  /** Attempts in all for one call, the first included. */
  attempts?: number;
  retryBaseDelayMs?: number;
  maxVideoBytes?: number;
}

const CreateResponse = z.object({ providerTaskId: z.string().min(1) });
const TaskResponse = z.object({
  providerTaskId: z.string(),
  state: z.enum(['queued', 'running', 'succeeded', 'failed', 'canceled']),
  videoUrl: z.string().optional(),
  error: z.string().optional(),
});

/** The outcome of one HTTP attempt that got an answer. */
interface Answer {
  status: number;
  json: unknown;
}

export class SimulatedProviderClient implements VideoProvider {
  readonly name = 'simulated';
  readonly polled = false;
  readonly dedupesCreates = true;
  private readonly origin: string;
  private readonly callTimeoutMs: number;
  private readonly attempts: number;
  private readonly retryBaseDelayMs: number;
  private readonly maxVideoBytes: number;

  constructor(private readonly options: SimulatedClientOptions) {
    this.origin = new URL(options.baseUrl).origin;
    this.callTimeoutMs = options.callTimeoutMs ?? 10_000;
    this.attempts = options.attempts ?? 3;
    this.retryBaseDelayMs = options.retryBaseDelayMs ?? 200;
    this.maxVideoBytes = options.maxVideoBytes ?? 256 * 1024 * 1024;
  }

  async createTask(input: ProviderTaskInput, signal: AbortSignal): Promise<{ providerTaskId: string }> {
    const body = {
      taskId: input.taskId,
      prompt: input.prompt,
      durationSeconds: input.durationSeconds,
      aspectRatio: input.aspectRatio,
      generateAudio: input.generateAudio,
      ...(input.negativePrompt !== undefined ? { negativePrompt: input.negativePrompt } : {}),
    };
    const answer = await this.call('POST', '/tasks', signal, body);
    if (answer.status !== 200 && answer.status !== 201) throw statusError(answer.status);
    return CreateResponse.parse(answer.json);
  }

  async getTask(providerTaskId: string, signal: AbortSignal): Promise<ProviderTaskState> {
    const answer = await this.call('GET', `/tasks/${encodeURIComponent(providerTaskId)}`, signal);
    if (answer.status === 404) return { state: 'unknown' };
    if (answer.status !== 200) throw statusError(answer.status);
    return toState(TaskResponse.parse(answer.json));
  }

  async findTaskByOurId(taskId: string, signal: AbortSignal): Promise<{ providerTaskId: string } | null> {
    const answer = await this.call('GET', `/tasks?ourId=${encodeURIComponent(taskId)}`, signal);
    if (answer.status === 404) return null;
    if (answer.status !== 200) throw statusError(answer.status);
    return { providerTaskId: TaskResponse.parse(answer.json).providerTaskId };
  }

  async cancelTask(providerTaskId: string, signal: AbortSignal): Promise<void> {
    const answer = await this.call('POST', `/tasks/${encodeURIComponent(providerTaskId)}/cancel`, signal);
    if (answer.status === 404) throw new ProviderError('rejected', 'the provider has no such task');
    if (answer.status !== 200) throw statusError(answer.status);
  }

  async downloadVideo(videoUrl: string, signal: AbortSignal): Promise<Uint8Array> {
    const url = assertSameOrigin(videoUrl, this.origin);
    return this.withRetries<Uint8Array>(signal, async (attemptSignal) => {
      const res = await fetch(url, { headers: this.authHeaders(), signal: attemptSignal, redirect: 'error' });
      if (!res.ok) {
        await res.body?.cancel();
        return { retry: res.status >= 500, error: statusError(res.status) };
      }
      return { value: await readBodyCapped(res, this.maxVideoBytes) };
    });
  }

  /** One API call with retries on transport errors, timeouts and 5xx; other answers are returned. */
  private call(method: 'GET' | 'POST', path: string, signal: AbortSignal, body?: object): Promise<Answer> {
    return this.withRetries<Answer>(signal, async (attemptSignal) => {
      const res = await fetch(`${this.origin}${path}`, {
        method,
        headers: { ...this.authHeaders(), ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: attemptSignal,
      });
      const json: unknown = await res.json().catch(() => null);
      if (res.status >= 500) return { retry: true, error: statusError(res.status) };
      if (res.status === 401 || res.status === 403 || res.status === 400 || res.status === 413) {
        return { retry: false, error: statusError(res.status) };
      }
      return { value: { status: res.status, json } };
    });
  }

  private async withRetries<T>(
    signal: AbortSignal,
    attempt: (attemptSignal: AbortSignal) => Promise<{ value: T } | { retry: boolean; error: ProviderError }>,
  ): Promise<T> {
    let lastError = new ProviderError('unavailable', 'the provider could not be reached');
    for (let i = 0; i < this.attempts; i++) {
      if (signal.aborted) throw new ProviderError('timeout', 'the provider call was aborted');
      try {
        const outcome = await withDeadline(signal, this.callTimeoutMs, attempt);
        if ('value' in outcome) return outcome.value;
        if (!outcome.retry) throw outcome.error;
        lastError = outcome.error;
      } catch (err) {
        if (err instanceof ProviderError && err.kind === 'rejected') throw err;
        if (err instanceof ProviderError) lastError = err;
        else if (isAbortError(err)) lastError = new ProviderError('timeout', 'the provider did not answer in time');
        else lastError = new ProviderError('unavailable', 'the provider could not be reached');
      }
      if (i + 1 < this.attempts) {
        try {
          await sleep(backoffMs(i, this.retryBaseDelayMs, 5_000), signal);
        } catch {
          throw new ProviderError('timeout', 'the provider call was aborted');
        }
      }
    }
    throw lastError;
  }

  private authHeaders(): Record<string, string> {
    return { authorization: `Bearer ${this.options.apiKey}` };
  }
}

function toState(task: z.infer<typeof TaskResponse>): ProviderTaskState {
  switch (task.state) {
    case 'queued':
      return { state: 'pending' };
    case 'running':
      return { state: 'running' };
    case 'succeeded':
      return task.videoUrl ? { state: 'succeeded', videoUrl: task.videoUrl } : { state: 'unknown' };
    case 'failed':
    case 'canceled':
      return { state: 'failed', error: task.error ?? task.state };
  }
}

function statusError(status: number): ProviderError {
  if (status >= 500) return new ProviderError('unavailable', `the provider answered ${status}`);
  return new ProviderError('rejected', `the provider refused the call (${status})`);
}
