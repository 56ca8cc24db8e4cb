/**
 * Polls GET /v1/gate and publishes "generation allowed, or why not" whenever that changes.
 * While the server is unreachable the interval doubles each time, up to a ceiling, so an
 * offline laptop is not woken every few seconds for nothing.
 */
import type { GateState } from '../../shared/contracts/api';
import type { GateView } from '../../shared/studio/models';
import { StudioError } from './errors';
import { viewOfState, viewWithout } from '../../shared/studio/gate-view';

export const DEFAULT_GATE_POLL_MS = 5000;
export const MAX_OFFLINE_BACKOFF_MS = 60_000;

export interface GateMonitorOptions {
  check: () => Promise<GateState>;
  onChange: (view: GateView) => void;
  now: () => Date;
  pollMs?: number;
  maxBackoffMs?: number;
}

function comparable(view: GateView): string {
  return JSON.stringify({ ...view, checkedAt: null });
}

export class GateMonitor {
  private current: GateView = viewWithout('checking', null);
  private timer: NodeJS.Timeout | null = null;
  private failures = 0;
  private stopped = true;
  private readonly pollMs: number;
  private readonly maxBackoffMs: number;

  constructor(private readonly options: GateMonitorOptions) {
    this.pollMs = options.pollMs ?? DEFAULT_GATE_POLL_MS;
    this.maxBackoffMs = Math.max(options.maxBackoffMs ?? MAX_OFFLINE_BACKOFF_MS, this.pollMs);
  }

  get view(): GateView {
    return this.current;
  }

  /** The delay before the next poll: the base interval, doubled per consecutive offline poll. */
  get nextDelayMs(): number {
    return Math.min(this.pollMs * 2 ** this.failures, this.maxBackoffMs);
  }

  start(): void {
    this.stopped = false;
    void this.refresh();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Checks now (and restarts the polling interval from here). */
  async refresh(): Promise<GateView> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const view = await this.checkOnce();
    if (!this.stopped && !this.timer) {
      this.timer = setTimeout(() => void this.refresh(), this.nextDelayMs);
      this.timer.unref();
    }
    return view;
  }

  private async checkOnce(): Promise<GateView> {
    const at = this.options.now();
    let view: GateView;
    try {
      view = viewOfState(await this.options.check(), at);
      this.failures = 0;
    } catch (error) {
      const code = error instanceof StudioError ? error.code : 'offline';
      if (code === 'signed_out') {
        this.failures = 0;
        view = viewWithout('signed_out', at, error instanceof StudioError && error.serverCode ? 'The server did not accept your token; sign in again.' : undefined);
      } else {
        this.failures += 1;
        view = viewWithout('offline', at);
      }
    }
    const changed = comparable(view) !== comparable(this.current);
    this.current = view;
    if (changed) this.options.onChange(view);
    return view;
  }
}
