/**
 * The Electron entry: hardens the app, serves the renderer over app://, opens the one window
 * and wires it to the studio services through the IPC contract. Settings live in
 * electron-store, the API token in the OS keychain, data under userData.
 */
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventChannel } from '../shared/ipc/contract';
import { CallGate } from './ipc/call-gate';
import { registerIpcHandlers } from './ipc/register';
import { createAppProtocolHandler, registerAppScheme } from './protocol';
import { createKeytarSecretStore } from './services/secret-store';
import { createStudio, type Studio } from './services/studio';
import { createElectronStoreSettings, type KeyValueStoreConstructor } from './settings-electron-store';
import { createQuitHandler } from './shutdown';
import { APP_ENTRY_URL, APP_SCHEME } from './window/app-origin';
import { hardenApp, hardenSession } from './window/security';
import { studioWebPreferences } from './window/web-preferences';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, '../preload/index.cjs');

// Tests and side-by-side runs keep their data apart.
if (process.env.SHOTLIST_USER_DATA) app.setPath('userData', process.env.SHOTLIST_USER_DATA);
registerAppScheme(protocol);
app.enableSandbox();
hardenApp(app);

const gate = new CallGate();
let studio: Studio | null = null;
let unregister: () => void = () => {};
let window: BrowserWindow | null = null;

function openWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 840,
    show: false,
    title: 'Shotlist',
    webPreferences: studioWebPreferences(preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (window === win) window = null;
  });
  void win.loadURL(APP_ENTRY_URL);
  return win;
}

async function start(): Promise<void> {
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));

  const { default: ElectronStore } = await import('electron-store');
  const userData = app.getPath('userData');
  studio = await createStudio({
    dataDir: userData,
    secretStore: createKeytarSecretStore(),
    settingsStore: createElectronStoreSettings(ElectronStore as unknown as KeyValueStoreConstructor, userData),
  });
  const serverUrl = process.env.SHOTLIST_SERVER_URL;
  if (serverUrl) await studio.handlers['settings.update']({ serverUrl });

  unregister = registerIpcHandlers({
    ipcMain,
    handlers: studio.handlers,
    gate,
    trustedContentsId: () => (window && !window.isDestroyed() ? window.webContents.id : null),
  });
  studio.subscribe((event, payload) => {
    if (window && !window.isDestroyed()) window.webContents.send(eventChannel(event), payload);
  });
  window = openWindow();
}

app.on(
  'before-quit',
  createQuitHandler({
    gate,
    async close() {
      unregister();
      await studio?.close();
    },
    quit: () => app.quit(),
    onError: (error) => console.error('Shotlist: closing the studio failed:', error instanceof Error ? error.message : error),
  }),
);
app.on('window-all-closed', () => app.quit());
app.on('activate', () => {
  if (studio && BrowserWindow.getAllWindows().length === 0) window = openWindow();
});

app
  .whenReady()
  .then(start)
  .catch((error: unknown) => {
    console.error('Shotlist could not start:', error instanceof Error ? error.message : error);
    app.exit(1);
  });
