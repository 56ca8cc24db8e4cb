/** Small HTTP helpers every provider client shares: per-call deadlines, capped bodies, backoff. */
import { setTimeout as delay } from 'node:timers/promises';
import { ProviderError } from './provider';

/**
 * Runs `call` with a signal that aborts when the caller's does (if given) or, as a TimeoutError,
 * once `timeoutMs` has passed. The timer and the listener end with the call: AbortSignal.timeout
 * would keep a timer alive for the whole timeout after every call (under load, tens of thousands),
 * and AbortSignal.any a link from the caller's signal.
 */
export async function withDeadline<T>(signal: AbortSignal | undefined, timeoutMs: number, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const follow = (): void => controller.abort(signal?.reason);
  if (signal?.aborted) follow();
  else signal?.addEventListener('abort', follow, { once: true });
  const timer = setTimeout(() => controller.abort(new DOMException('The call took too long.', 'TimeoutError')), timeoutMs);
  try {
    return await call(controller.signal);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', follow);
  }
}

/** Waits `ms`, or rejects as soon as `signal` aborts. */
export async function sleep(ms: number, signal: AbortSignal): Promise<void> {
  await delay(ms, undefined, { signal });
}

/** Exponential backoff: base, 2×base, 4×base… never above `maxMs`. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** attempt);
}

export function isAbortError(err: unknown): boolean {
  return err instanceof Error && (err.name === 'AbortError' || err.name === 'TimeoutError');
}

/** The network error code of a failed fetch (`ECONNREFUSED`…), when it has one. */
export function networkErrorCode(err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined;
  const cause: unknown = err.cause;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') return cause.code;
  return undefined;
}

/** Reads a response body, refusing (as `video_too_large`) one over `maxBytes`. */
export async function readBodyCapped(res: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw new ProviderError('rejected', `video is ${declared} bytes, over the ${maxBytes} byte limit`, 'video_too_large');
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (res.body) {
    for await (const chunk of res.body) {
      total += chunk.byteLength;
      if (total > maxBytes) {
        throw new ProviderError('rejected', `video is over the ${maxBytes} byte limit`, 'video_too_large');
      }
      chunks.push(chunk);
    }
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/** Throws `untrusted_video_url` unless `url` is on `origin` (so credentials stay with their owner). */
export function assertSameOrigin(url: string, origin: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ProviderError('rejected', 'video URL is not a URL', 'untrusted_video_url');
  }
  if (parsed.origin !== origin) {
    throw new ProviderError('rejected', 'video URL is not on the provider', 'untrusted_video_url');
  }
  return parsed;
}
