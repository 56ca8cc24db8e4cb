/**
 * The sandboxed preload: puts exactly the IPC contract on window.shotlist. The page never
 * sees ipcRenderer, IPC events or any channel outside the contract.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createShotlistApi } from './shotlist-api';

contextBridge.exposeInMainWorld(
  'shotlist',
  createShotlistApi({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input),
    subscribe(channel, deliver) {
      const relay = (_event: unknown, payload: unknown) => deliver(payload);
      ipcRenderer.on(channel, relay);
      return () => void ipcRenderer.removeListener(channel, relay);
    },
  }),
);
