/**
 * window.shotlist built over any transport (ipcRenderer in the preload): only contract method
 * and event names pass, every failure resolves as an IpcResult error, and listeners get the
 * payload alone.
 */
import {
  eventChannel,
  invokeChannel,
  ipcEvents,
  ipcMethods,
  type IpcEventName,
  type IpcMethodName,
  type IpcResult,
  type ShotlistApi,
} from '../shared/ipc/contract';

export interface IpcTransport {
  invoke(channel: string, input: unknown): Promise<unknown>;
  subscribe(channel: string, deliver: (payload: unknown) => void): () => void;
}

const isMethod = (name: unknown): name is IpcMethodName => typeof name === 'string' && Object.hasOwn(ipcMethods, name);
const isEvent = (name: unknown): name is IpcEventName => typeof name === 'string' && Object.hasOwn(ipcEvents, name);

function failure(code: string, message: string): IpcResult<never> {
  return { ok: false, error: { code, message } };
}

export function createShotlistApi(transport: IpcTransport): ShotlistApi {
  const api = {
    async invoke(method: unknown, input: unknown): Promise<IpcResult<unknown>> {
      if (!isMethod(method)) return failure('invalid_input', `Unknown method "${String(method).slice(0, 100)}".`);
      try {
        return (await transport.invoke(invokeChannel(method), input)) as IpcResult<unknown>;
      } catch {
        return failure('internal', `The studio did not answer ${method}.`);
      }
    },
    on(event: unknown, listener: unknown): () => void {
      if (!isEvent(event)) throw new TypeError(`Unknown event "${String(event).slice(0, 100)}".`);
      if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
      return transport.subscribe(eventChannel(event), (payload) => listener(payload));
    },
  };
  return Object.freeze(api) as ShotlistApi;
}
