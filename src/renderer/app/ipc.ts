/**
 * The renderer's one way to the main process: window.shotlist, typed by the IPC contract.
 * `call` unwraps an IpcResult into a value or a thrown IpcCallError that carries the code.
 */
import type { IpcError, IpcEventName, IpcEventPayload, IpcInput, IpcMethodName, IpcOutput, IpcResult } from '../../shared/ipc/contract';

export class IpcCallError extends Error {
  readonly code: string;
  readonly serverCode: string | undefined;
  constructor(error: IpcError) {
    super(error.message);
    this.name = 'IpcCallError';
    this.code = error.code;
    this.serverCode = error.serverCode;
  }
}

export function invoke<M extends IpcMethodName>(method: M, input: IpcInput<M>): Promise<IpcResult<IpcOutput<M>>> {
  return window.shotlist.invoke(method, input);
}

export async function call<M extends IpcMethodName>(method: M, input: IpcInput<M>): Promise<IpcOutput<M>> {
  const result = await invoke(method, input);
  if (!result.ok) throw new IpcCallError(result.error);
  return result.value;
}

export function on<E extends IpcEventName>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void {
  return window.shotlist.on(event, listener);
}
