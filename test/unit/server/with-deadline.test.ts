import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { isAbortError, withDeadline } from '../../../src/server/providers/http';

const timers = (): number => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('withDeadline', () => {
  it('leaves no timer and no listener on the caller’s signal once the call has ended, however it ended', async () => {
    const parent = new AbortController();
    const before = timers();
    await expect(withDeadline(parent.signal, 60_000, async () => 'value')).resolves.toBe('value');
    await expect(withDeadline(parent.signal, 60_000, async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(timers()).toBe(before);
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(0);
  });

  it('aborts the call with the caller’s reason when the caller aborts, during the call or before it', async () => {
    const parent = new AbortController();
    const reason = new Error('shutting down');
    const seen = withDeadline(parent.signal, 60_000, (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))));
    parent.abort(reason);
    await expect(seen).rejects.toBe(reason);

    let abortedAtStart = false;
    await withDeadline(parent.signal, 60_000, async (signal) => {
      abortedAtStart = signal.aborted;
    });
    expect(abortedAtStart).toBe(true);
  });

  it('aborts the call with a TimeoutError once the time is up', async () => {
    const call = withDeadline(undefined, 20, (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))));
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('TimeoutError');
    expect(isAbortError(error)).toBe(true);
  });
});
