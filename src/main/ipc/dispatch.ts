/**
 * The one entry point for every IPC call (Electron and the browser host alike): rejects
 * unknown methods, validates input and output against the contract, and turns every failure
 * into an IpcResult error with a code. Stack traces and unexpected error texts (which could
 * hold a token) never leave the main process.
 */
import { z } from 'zod';
import { ipcMethods, type IpcMethodName, type IpcMethods, type IpcOutput, type IpcResult } from '../../shared/ipc/contract';
import { StudioError } from '../services/errors';

export type IpcHandlers = {
  [M in IpcMethodName]: (input: z.output<IpcMethods[M]['input']>) => Promise<IpcOutput<M>>;
};

export function isIpcMethodName(method: string): method is IpcMethodName {
  return Object.hasOwn(ipcMethods, method);
}

/** Replies echo what the caller sent; a huge method name or key must not make a huge reply. */
const MAX_ECHO_CHARS = 100;
const MAX_MESSAGE_CHARS = 2000;

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

function failure(code: string, message: string, serverCode?: string): IpcResult<never> {
  return { ok: false, error: serverCode ? { code, message, serverCode } : { code, message } };
}

export async function dispatch(handlers: IpcHandlers, method: string, rawInput: unknown): Promise<IpcResult<unknown>> {
  if (!isIpcMethodName(method)) return failure('invalid_input', `Unknown method "${clip(method, MAX_ECHO_CHARS)}".`);
  const spec = ipcMethods[method];
  const input = spec.input.safeParse(rawInput === undefined ? {} : rawInput);
  if (!input.success) return failure('invalid_input', clip(`Invalid input for ${method}: ${z.prettifyError(input.error)}`, MAX_MESSAGE_CHARS));
  const handler = handlers[method] as (input: unknown) => Promise<unknown>;
  try {
    const value = await handler(input.data);
    const output = spec.output.safeParse(value);
    if (!output.success) return failure('internal', `The studio produced an invalid reply to ${method}.`);
    return { ok: true, value: output.data };
  } catch (error) {
    if (error instanceof StudioError) return failure(error.code, error.message, error.serverCode);
    return failure('internal', `Something went wrong in the studio while running ${method}.`);
  }
}
