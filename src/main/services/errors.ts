/**
 * The one error type every studio service throws: a code the renderer branches on, a message
 * in plain words, and for failures the gated server reported, the server's own problem code.
 */
import type { IpcErrorCode } from '../../shared/ipc/contract';

export class StudioError extends Error {
  readonly code: IpcErrorCode;
  readonly serverCode: string | undefined;

  constructor(code: IpcErrorCode, message: string, serverCode?: string) {
    super(message);
    this.name = 'StudioError';
    this.code = code;
    this.serverCode = serverCode;
  }
}

export function notFound(what: string, id: string): StudioError {
  return new StudioError('not_found', `${what} ${id} does not exist.`);
}
