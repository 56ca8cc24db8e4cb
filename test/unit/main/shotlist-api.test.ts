import { describe, expect, it, vi } from 'vitest';
import { createShotlistApi, type IpcTransport } from '../../../src/preload/shotlist-api';

function fakeTransport(answer: (channel: string, input: unknown) => Promise<unknown> = async () => ({ ok: true, value: [] })) {
  const subscribers = new Map<string, Set<(payload: unknown) => void>>();
  const transport: IpcTransport = {
    invoke: vi.fn(answer),
    subscribe(channel, deliver) {
      const set = subscribers.get(channel) ?? new Set();
      subscribers.set(channel, set);
      set.add(deliver);
      return () => void set.delete(deliver);
    },
  };
  const emit = (channel: string, payload: unknown) => subscribers.get(channel)?.forEach((deliver) => deliver(payload));
  return { transport, emit, subscribers };
}

describe('window.shotlist (preload)', () => {
  it('has exactly invoke and on, frozen', () => {
    const api = createShotlistApi(fakeTransport().transport);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('sends contract methods on their channel', async () => {
    const { transport } = fakeTransport();
    const api = createShotlistApi(transport);
    expect(await api.invoke('drafts.list', { query: 'x' })).toEqual({ ok: true, value: [] });
    expect(transport.invoke).toHaveBeenCalledWith('renderer-to-main:drafts.list', { query: 'x' });
  });

  it('answers names outside the contract with an error and never sends them', async () => {
    const { transport } = fakeTransport();
    const api = createShotlistApi(transport);
    for (const name of ['drafts.nuke', '__proto__', 'constructor', 'toString', 42]) {
      expect(await api.invoke(name as never, {} as never)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(transport.invoke).not.toHaveBeenCalled();
  });

  it('turns a failing transport into an IpcResult error instead of a rejection', async () => {
    const api = createShotlistApi(fakeTransport(async () => Promise.reject(new Error('No handler registered'))).transport);
    expect(await api.invoke('drafts.list', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('delivers contract events as the payload alone, until unsubscribed', () => {
    const { transport, emit } = fakeTransport();
    const api = createShotlistApi(transport);
    const seen: unknown[][] = [];
    const stop = api.on('gate.changed', (...args: unknown[]) => seen.push(args));
    emit('main-to-renderer:gate.changed', { state: 'open' });
    stop();
    emit('main-to-renderer:gate.changed', { state: 'closed' });
    expect(seen).toEqual([[{ state: 'open' }]]);
  });

  it('refuses to subscribe to events outside the contract', () => {
    const { transport, subscribers } = fakeTransport();
    const api = createShotlistApi(transport);
    expect(() => api.on('ipc.raw' as never, () => {})).toThrow(TypeError);
    expect(() => api.on('gate.changed', 'not a function' as never)).toThrow(TypeError);
    expect(subscribers.size).toBe(0);
  });
});
