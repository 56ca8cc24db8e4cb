import type { ShotlistApi } from '../shared/ipc/contract';

declare global {
  interface Window {
    /** The IPC contract, installed by the preload (Electron) or the browser host's bridge. */
    readonly shotlist: ShotlistApi;
  }
}

export {};
