/**
 * Registers one ipcMain handler per contract method. Each call must come from the main frame
 * of the studio's own window, showing the studio's own origin; anything else gets
 * forbidden_sender. Accepted calls go through dispatch(), which validates the input.
 */
import { invokeChannel, ipcMethods, type IpcMethodName, type IpcResult } from '../../shared/ipc/contract';
import { isAppUrl } from '../window/app-origin';
import type { CallGate } from './call-gate';
import { dispatch, type IpcHandlers } from './dispatch';

export interface FrameLike {
  url: string;
  /** null for a top-level frame. */
  parent: unknown;
}

export interface InvokeEventLike {
  sender: { id: number };
  senderFrame: FrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export const FORBIDDEN_SENDER: IpcResult<never> = {
  ok: false,
  error: { code: 'forbidden_sender', message: 'This call did not come from the studio window.' },
};

/** True when the call comes from the top frame of the given web contents, showing our app. */
export function isTrustedSender(event: InvokeEventLike, trustedContentsId: number | null): boolean {
  const frame = event.senderFrame;
  if (trustedContentsId === null || event.sender.id !== trustedContentsId) return false;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

export interface RegisterIpcOptions {
  ipcMain: IpcMainLike;
  handlers: IpcHandlers;
  gate: CallGate;
  /** The id of the studio window's web contents (null while it has none). */
  trustedContentsId: () => number | null;
}

/** Returns a function that removes every handler it registered. */
export function registerIpcHandlers({ ipcMain, handlers, gate, trustedContentsId }: RegisterIpcOptions): () => void {
  const methods = Object.keys(ipcMethods) as IpcMethodName[];
  for (const method of methods) {
    ipcMain.handle(invokeChannel(method), async (event, input) => {
      if (!isTrustedSender(event, trustedContentsId())) return FORBIDDEN_SENDER;
      return gate.run(() => dispatch(handlers, method, input));
    });
  }
  return () => {
    for (const method of methods) ipcMain.removeHandler(invokeChannel(method));
  };
}
