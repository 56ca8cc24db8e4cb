/**
 * Quitting in order: the first quit request is held back while IPC stops taking calls, the
 * calls already running finish and the studio closes (its pending saves drained); then the
 * app quits for real. Further quit requests meanwhile are held back too.
 */
import type { CallGate } from './ipc/call-gate';

export interface QuitSteps {
  gate: CallGate;
  /** Closes the studio and anything else, after the last call has finished. */
  close(): Promise<void>;
  /** Quits for real (app.quit / app.exit). */
  quit(): void;
  onError?(error: unknown): void;
}

export function createQuitHandler(steps: QuitSteps): (event: { preventDefault(): void }) => void {
  let state: 'running' | 'draining' | 'done' = 'running';
  return (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'draining') return;
    state = 'draining';
    steps.gate
      .drain()
      .then(() => steps.close())
      .catch((error: unknown) => steps.onError?.(error))
      .finally(() => {
        state = 'done';
        steps.quit();
      });
  };
}
