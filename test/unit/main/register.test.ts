import { describe, expect, it, vi } from 'vitest';
import { CallGate } from '../../../src/main/ipc/call-gate';
import type { IpcHandlers } from '../../../src/main/ipc/dispatch';
import { registerIpcHandlers, type InvokeEventLike } from '../../../src/main/ipc/register';
import { invokeChannel, ipcMethods } from '../../../src/shared/ipc/contract';

const WINDOW_ID = 7;

function fakeIpcMain() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  return {
    handlers,
    ipcMain: {
      handle: (channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>) => void handlers.set(channel, listener),
      removeHandler: (channel: string) => void handlers.delete(channel),
    },
  };
}

const fromOurWindow: InvokeEventLike = { sender: { id: WINDOW_ID }, senderFrame: { url: 'app://studio/index.html', parent: null } };

function setup() {
  const listDrafts = vi.fn(async () => []);
  const handlers = { 'drafts.list': listDrafts } as unknown as IpcHandlers;
  const fake = fakeIpcMain();
  const unregister = registerIpcHandlers({ ipcMain: fake.ipcMain, handlers, gate: new CallGate(), trustedContentsId: () => WINDOW_ID });
  const call = (event: InvokeEventLike, input: unknown = {}) => fake.handlers.get(invokeChannel('drafts.list'))!(event, input);
  return { fake, listDrafts, unregister, call };
}

describe('IPC handler registration', () => {
  it('registers exactly one handler per contract method, and removes them all', () => {
    const { fake, unregister } = setup();
    expect([...fake.handlers.keys()].sort()).toEqual(Object.keys(ipcMethods).map((m) => invokeChannel(m as keyof typeof ipcMethods)).sort());
    unregister();
    expect(fake.handlers.size).toBe(0);
  });

  it('runs a call from the main frame of the studio window through dispatch', async () => {
    const { call, listDrafts } = setup();
    expect(await call(fromOurWindow)).toEqual({ ok: true, value: [] });
    expect(listDrafts).toHaveBeenCalledTimes(1);
  });

  it('validates the input before any handler runs', async () => {
    const { call, listDrafts } = setup();
    expect(await call(fromOurWindow, { sort: 'sideways' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(listDrafts).not.toHaveBeenCalled();
  });

  const foreign: Array<[string, InvokeEventLike]> = [
    ['another web contents', { ...fromOurWindow, sender: { id: WINDOW_ID + 1 } }],
    ['a subframe of our window', { ...fromOurWindow, senderFrame: { url: 'app://studio/index.html', parent: {} } }],
    ['a remote page in our window', { ...fromOurWindow, senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a file:// page', { ...fromOurWindow, senderFrame: { url: 'file:///tmp/evil.html', parent: null } }],
    ['another app:// host', { ...fromOurWindow, senderFrame: { url: 'app://evil/index.html', parent: null } }],
    ['a frame already gone', { ...fromOurWindow, senderFrame: null }],
  ];
  it.each(foreign)('refuses a call from %s with forbidden_sender', async (_name, event) => {
    const { call, listDrafts } = setup();
    expect(await call(event)).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(listDrafts).not.toHaveBeenCalled();
  });

  it('refuses every call while the window has no web contents', async () => {
    const fake = fakeIpcMain();
    const listDrafts = vi.fn(async () => []);
    registerIpcHandlers({ ipcMain: fake.ipcMain, handlers: { 'drafts.list': listDrafts } as unknown as IpcHandlers, gate: new CallGate(), trustedContentsId: () => null });
    expect(await fake.handlers.get(invokeChannel('drafts.list'))!(fromOurWindow, {})).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(listDrafts).not.toHaveBeenCalled();
  });
});
