/**
 * The Gemini API (Veo) video provider, on the official @google/genai SDK. Veo runs as a
 * long-running operation: createTask starts one and keeps its name as the provider task
 * id; the server polls getTask until the operation is done; downloadVideo fetches the
 * finished file with the API key.
 *
 * Retries: a create is not idempotent at Google (the API takes no request id), so a create
 * that may have reached Google is never retried — a timeout or a 5xx after sending becomes a
 * ProviderError and the server decides. Only a create whose connection was never made
 * (refused, or the host name did not resolve) is retried, because then nothing was sent.
 * The SDK's own retry option is left off for the same reason. Polls and downloads are reads,
 * and the server repeats them on its own schedule.
 *
 * Nothing from Google's answers (error text, operation names in messages) leaves this
 * adapter: errors are ProviderErrors in our words, failures carry our own short codes.
 */
import { ApiError, GenerateVideosOperation, GoogleGenAI } from '@google/genai';
import { assertSameOrigin, backoffMs, isAbortError, networkErrorCode, readBodyCapped, sleep, withDeadline } from './http';
import { ProviderError, type ProviderTaskInput, type ProviderTaskState, type VideoProvider } from './provider';
import { toVeoRequest, type GeminiResolution } from './gemini/options';

export const DEFAULT_GEMINI_MODEL = 'veo-3.1-generate-preview';
export const GEMINI_DEFAULT_BASE_URL = 'https://generativelanguage.googleapis.com';

export interface GeminiProviderOptions {
  apiKey: string;
  model?: string;
  /** Where the Gemini API is; a local fake in tests. */
  baseUrl?: string;
  resolution?: GeminiResolution;
  createTimeoutMs?: number;
  pollTimeoutMs?: number;
  downloadTimeoutMs?: number;
  /** Attempts for a create whose connection could not even be made. */
  connectAttempts?: number;
  connectRetryBaseMs?: number;
  maxVideoBytes?: number;
}

/** Failures where the request provably never left this machine. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
const OPERATION_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9._-]+)*$/;
const MAX_REDIRECTS = 5;

export class GeminiVideoProvider implements VideoProvider {
  readonly name = 'gemini';
  readonly polled = true;
  /** Google takes no request id: a repeated create would start a second operation. */
  readonly dedupesCreates = false;
  private readonly ai: GoogleGenAI;
  private readonly model: string;
  private readonly origin: string;
  private readonly apiKey: string;
  private readonly resolution: GeminiResolution;
  private readonly createTimeoutMs: number;
  private readonly pollTimeoutMs: number;
  private readonly downloadTimeoutMs: number;
  private readonly connectAttempts: number;
  private readonly connectRetryBaseMs: number;
  private readonly maxVideoBytes: number;

  constructor(options: GeminiProviderOptions) {
    const baseUrl = options.baseUrl ?? GEMINI_DEFAULT_BASE_URL;
    this.ai = new GoogleGenAI({ apiKey: options.apiKey, vertexai: false, httpOptions: { baseUrl } });
    this.apiKey = options.apiKey;
    this.model = options.model ?? DEFAULT_GEMINI_MODEL;
    this.origin = new URL(baseUrl).origin;
    this.resolution = options.resolution ?? '720p';
    this.createTimeoutMs = options.createTimeoutMs ?? 60_000;
    this.pollTimeoutMs = options.pollTimeoutMs ?? 30_000;
    this.downloadTimeoutMs = options.downloadTimeoutMs ?? 120_000;
    this.connectAttempts = options.connectAttempts ?? 3;
    this.connectRetryBaseMs = options.connectRetryBaseMs ?? 500;
    this.maxVideoBytes = options.maxVideoBytes ?? 512 * 1024 * 1024;
  }

  async createTask(input: ProviderTaskInput, signal: AbortSignal): Promise<{ providerTaskId: string }> {
    const request = toVeoRequest(input, this.model, this.resolution);
    for (let attempt = 0; ; attempt++) {
      try {
        const operation = await withDeadline(signal, this.createTimeoutMs, (abortSignal) =>
          this.ai.models.generateVideos({ model: this.model, prompt: request.prompt, config: { ...request.config, abortSignal } }),
        );
        if (!operation.name) throw new ProviderError('unavailable', 'the provider started no operation');
        return { providerTaskId: operation.name };
      } catch (err) {
        const notSent = NOT_SENT_CODES.has(networkErrorCode(err) ?? '');
        if (!notSent || attempt + 1 >= this.connectAttempts || signal.aborted) throw toProviderError(err);
      }
      await sleep(backoffMs(attempt, this.connectRetryBaseMs, 5_000), signal).catch(() => {
        throw new ProviderError('timeout', 'the provider call was aborted');
      });
    }
  }

  async getTask(providerTaskId: string, signal: AbortSignal): Promise<ProviderTaskState> {
    if (!OPERATION_NAME.test(providerTaskId) || providerTaskId.includes('..')) return { state: 'unknown' };
    const operation = new GenerateVideosOperation();
    operation.name = providerTaskId;
    let current: GenerateVideosOperation;
    try {
      current = await withDeadline(signal, this.pollTimeoutMs, (abortSignal) =>
        this.ai.operations.getVideosOperation({ operation, config: { abortSignal } }),
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return { state: 'unknown' };
      throw toProviderError(err);
    }
    return toTaskState(current);
  }

  async downloadVideo(videoUrl: string, signal: AbortSignal): Promise<Uint8Array> {
    const url = assertSameOrigin(videoUrl, this.origin);
    try {
      return await withDeadline(signal, this.downloadTimeoutMs, (deadline) => this.download(url, deadline));
    } catch (err) {
      throw toProviderError(err);
    }
  }

  /** Follows redirects to the clip and reads it, capped. */
  private async download(start: URL, deadline: AbortSignal): Promise<Uint8Array> {
    let url = start;
    // The key goes only to the API itself; a redirect (to storage) is followed without it.
    let headers: Record<string, string> = { 'x-goog-api-key': this.apiKey };
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const res = await fetch(url, { headers, redirect: 'manual', signal: deadline });
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        await res.body?.cancel();
        url = new URL(location, url);
        headers = {};
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw statusError(res.status);
      }
      return await readBodyCapped(res, this.maxVideoBytes);
    }
    throw new ProviderError('unavailable', 'the provider redirected the download too often');
  }
}

function toTaskState(operation: GenerateVideosOperation): ProviderTaskState {
  if (!operation.done) return { state: 'running' };
  if (operation.error) return { state: 'failed', error: 'generation_failed' };
  const uri = operation.response?.generatedVideos?.[0]?.video?.uri;
  if (typeof uri === 'string' && uri !== '') return { state: 'succeeded', videoUrl: uri };
  if ((operation.response?.raiMediaFilteredCount ?? 0) > 0) return { state: 'failed', error: 'content_filtered' };
  return { state: 'failed', error: 'no_video' };
}

function statusError(status: number): ProviderError {
  if (status >= 500 || status === 408 || status === 429) {
    return new ProviderError('unavailable', `the provider answered ${status}`);
  }
  return new ProviderError('rejected', `the provider refused the request (${status})`);
}

/** Our words for whatever the SDK or fetch threw; Google's own text is dropped here. */
function toProviderError(err: unknown): ProviderError {
  if (err instanceof ProviderError) return err;
  if (err instanceof ApiError) return statusError(err.status);
  if (isAbortError(err)) return new ProviderError('timeout', 'the provider did not answer in time');
  if (networkErrorCode(err) !== undefined || (err instanceof TypeError && err.message === 'fetch failed')) {
    return new ProviderError('unavailable', 'the provider could not be reached');
  }
  return new ProviderError('rejected', 'the provider refused the request');
}
