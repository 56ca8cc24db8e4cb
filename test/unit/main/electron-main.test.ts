/**
 * src/main/index.ts wired against a stand-in for the electron module (the binary cannot run
 * here): the window it opens, what it registers, the calls it accepts, and the drained quit.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { InvokeEventLike } from '../../../src/main/ipc/register';
import { invokeChannel, ipcMethods, type IpcMethodName } from '../../../src/shared/ipc/contract';
import { studioWebPreferences } from '../../../src/main/window/web-preferences';

type Handler = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

const fake = vi.hoisted(() => {
  const appListeners = new Map<string, Array<(...args: unknown[]) => void>>();
  const state = {
    userData: '',
    appListeners,
    ipc: new Map<string, Handler>(),
    windows: [] as Array<{ options: Record<string, unknown>; url: string; sent: Array<[string, unknown]>; webContents: { id: number } }>,
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, unknown>(),
    sandboxEnabled: false,
    permissionRequestHandler: null as unknown,
    quit: 0,
  };
  return state;
});

vi.mock('electron', () => {
  class BrowserWindow {
    readonly options: Record<string, unknown>;
    url = '';
    sent: Array<[string, unknown]> = [];
    readonly webContents = { id: 41, send: (channel: string, payload: unknown) => void this.sent.push([channel, payload]) };
    constructor(options: Record<string, unknown>) {
      this.options = options;
      fake.windows.push(this);
    }
    static getAllWindows() {
      return fake.windows;
    }
    once() {}
    on() {}
    show() {}
    isDestroyed() {
      return false;
    }
    async loadURL(url: string) {
      this.url = url;
    }
  }
  const app = {
    on(event: string, listener: (...args: unknown[]) => void) {
      fake.appListeners.set(event, [...(fake.appListeners.get(event) ?? []), listener]);
    },
    whenReady: async () => undefined,
    enableSandbox: () => void (fake.sandboxEnabled = true),
    getPath: () => fake.userData,
    setPath: () => undefined,
    quit: () => void (fake.quit += 1),
    exit: () => undefined,
  };
  return {
    app,
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: Handler) => void fake.ipc.set(channel, handler),
      removeHandler: (channel: string) => void fake.ipc.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void fake.schemes.push(...schemes),
      handle: (scheme: string, handler: unknown) => void fake.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: unknown) => void (fake.permissionRequestHandler = handler),
        setPermissionCheckHandler: () => undefined,
        setDevicePermissionHandler: () => undefined,
        webRequest: { onHeadersReceived: () => undefined },
      },
    },
  };
});

// electron-store is conf plus Electron's paths; the entry passes its directory explicitly.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  class ElectronStore extends Conf<Record<string, unknown>> {
    constructor({ name, ...options }: { name: string } & Record<string, unknown>) {
      super({ ...options, configName: name });
    }
  }
  return { default: ElectronStore };
});

const fromWindow = (url = 'app://studio/index.html'): InvokeEventLike => ({ sender: { id: 41 }, senderFrame: { url, parent: null } });
const call = (method: IpcMethodName, input: unknown, event = fromWindow()) => fake.ipc.get(invokeChannel(method))!(event, input);

beforeAll(async () => {
  fake.userData = mkdtempSync(join(tmpdir(), 'shotlist-electron-main-'));
  delete process.env.SHOTLIST_SERVER_URL;
  delete process.env.SHOTLIST_USER_DATA;
  await import('../../../src/main/index');
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
});
// The last test quits the app, which closes the studio on this directory first.
afterAll(() => rmSync(fake.userData, { recursive: true, force: true }));

describe('the Electron entry', () => {
  it('registers app:// before ready, enables the sandbox and denies permissions', () => {
    expect(fake.schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(fake.protocolHandlers.has('app')).toBe(true);
    expect(fake.sandboxEnabled).toBe(true);
    expect(fake.appListeners.get('web-contents-created')).toHaveLength(1);
    let granted: boolean | undefined;
    (fake.permissionRequestHandler as (c: unknown, p: string, cb: (g: boolean) => void) => void)(null, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
  });

  it('opens one window with the hardened preferences on app://studio', () => {
    const [window] = fake.windows;
    const prefs = window!.options.webPreferences as { preload: string };
    expect(prefs).toEqual(studioWebPreferences(prefs.preload));
    expect(prefs.preload).toMatch(/preload[/\\]index\.cjs$/);
    expect(window!.url).toBe('app://studio/index.html');
  });

  it('handles every contract method, for the window only', async () => {
    expect(fake.ipc.size).toBe(Object.keys(ipcMethods).length);
    expect(await call('drafts.create', { title: 'From the window' })).toMatchObject({ ok: true, value: { title: 'From the window' } });
    expect(await call('drafts.list', {}, fromWindow('https://evil.example/'))).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    expect(await call('drafts.list', {})).toMatchObject({ ok: true, value: [{ title: 'From the window' }] });
  });

  it('keeps settings in electron-store under userData and pushes events to the window', async () => {
    await call('settings.update', { serverUrl: 'http://127.0.0.1:9' });
    const { default: Conf } = await import('conf');
    const stored = new Conf<Record<string, unknown>>({ cwd: fake.userData, configName: 'settings' }).get('settings');
    expect(stored).toMatchObject({ serverUrl: 'http://127.0.0.1:9' });
    expect(fake.windows[0]!.sent.map(([channel]) => channel)).toContain('main-to-renderer:account.changed');
  });

  it('on quit, holds it until the studio has closed, then quits', async () => {
    const event = { preventDefault: vi.fn() };
    for (const listener of fake.appListeners.get('before-quit') ?? []) listener(event);
    expect(event.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fake.quit).toBe(1));
    expect(fake.ipc.size).toBe(0);
  });
});
