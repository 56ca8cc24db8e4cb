import { describe, expect, it, vi } from 'vitest';
import { CallGate } from '../../../src/main/ipc/call-gate';
import type { IpcResult } from '../../../src/shared/ipc/contract';
import { createQuitHandler } from '../../../src/main/shutdown';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const quitEvent = () => ({ preventDefault: vi.fn() });

describe('the call gate', () => {
  it('lets calls through until draining starts, then refuses new ones with shutting_down', async () => {
    const gate = new CallGate();
    const slow = deferred<IpcResult<string>>();
    const running = gate.run(() => slow.promise);
    expect(gate.inFlight).toBe(1);

    let drained = false;
    const draining = gate.drain().then(() => (drained = true));
    expect(await gate.run(async () => ({ ok: true, value: 'late' }))).toMatchObject({ ok: false, error: { code: 'shutting_down' } });
    await new Promise((r) => setTimeout(r, 10));
    expect(drained).toBe(false);

    slow.resolve({ ok: true, value: 'saved' });
    expect(await running).toEqual({ ok: true, value: 'saved' });
    await draining;
    expect(gate.inFlight).toBe(0);
  });
});

describe('quitting', () => {
  it('holds the quit, waits for running calls, closes the studio, then quits once', async () => {
    const gate = new CallGate();
    const order: string[] = [];
    const save = deferred<IpcResult<string>>();
    const running = gate.run(() => save.promise).then(() => order.push('call finished'));
    const quit = vi.fn(() => order.push('quit'));
    const onQuit = createQuitHandler({ gate, close: async () => void order.push('studio closed'), quit });

    const first = quitEvent();
    onQuit(first);
    expect(first.preventDefault).toHaveBeenCalled();
    const again = quitEvent();
    onQuit(again);
    expect(again.preventDefault).toHaveBeenCalled();
    expect(await gate.run(async () => ({ ok: true, value: 1 }))).toMatchObject({ ok: false, error: { code: 'shutting_down' } });

    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([]);
    save.resolve({ ok: true, value: 'ok' });
    await running;
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
    expect(order).toEqual(['call finished', 'studio closed', 'quit']);

    // The real quit that follows passes through.
    const final = quitEvent();
    onQuit(final);
    expect(final.preventDefault).not.toHaveBeenCalled();
  });

  it('still quits when closing fails, and reports why', async () => {
    const quit = vi.fn();
    const onError = vi.fn();
    const onQuit = createQuitHandler({ gate: new CallGate(), close: async () => Promise.reject(new Error('disk gone')), quit, onError });
    onQuit(quitEvent());
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'disk gone' }));
  });
});
