/**
 * Lets IPC calls through until shutdown begins, then refuses new ones and waits for the ones
 * already running, so quitting never cuts a save in half.
 */
import type { IpcErrorCode, IpcResult } from '../../shared/ipc/contract';

export const SHUTTING_DOWN: IpcResult<never> = {
  ok: false,
  error: { code: 'shutting_down' satisfies IpcErrorCode, message: 'The studio is closing and no longer takes requests.' },
};

export class CallGate {
  private accepting = true;
  private readonly running = new Set<Promise<unknown>>();

  get open(): boolean {
    return this.accepting;
  }

  get inFlight(): number {
    return this.running.size;
  }

  async run<T>(call: () => Promise<IpcResult<T>>): Promise<IpcResult<T>> {
    if (!this.accepting) return SHUTTING_DOWN;
    const pending = call();
    this.running.add(pending);
    try {
      return await pending;
    } finally {
      this.running.delete(pending);
    }
  }

  /** Stops accepting calls and resolves once every call already running has finished. */
  async drain(): Promise<void> {
    this.accepting = false;
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
