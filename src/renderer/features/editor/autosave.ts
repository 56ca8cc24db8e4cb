/**
 * Debounced saving of one draft: changes wait `delayMs` of quiet, then the latest value is
 * saved; one save runs at a time and a change made during a save is saved right after it. A
 * failed save keeps the value as pending (never dropped) and reports the error until a later
 * flush succeeds.
 */

export type AutosaveStatus =
  | { state: 'saved' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'failed'; message: string; code: string };

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface AutosaveOptions<T> {
  delayMs: number;
  save(value: T): Promise<void>;
  onStatus(status: AutosaveStatus): void;
  timers?: Timers;
}

const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function describe(error: unknown): { message: string; code: string } {
  const message = error instanceof Error ? error.message : String(error);
  const code = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : 'internal';
  return { message, code };
}

export class Autosaver<T> {
  private pending: { value: T } | null = null;
  private timer: unknown = null;
  private running: Promise<boolean> | null = null;
  private readonly timers: Timers;

  constructor(private readonly options: AutosaveOptions<T>) {
    this.timers = options.timers ?? realTimers;
  }

  /** True while there is a change not yet saved (waiting, saving or failed). */
  get dirty(): boolean {
    return this.pending !== null || this.running !== null;
  }

  /** The change not yet saved, if any: what must survive a failure. */
  get unsaved(): T | null {
    return this.pending?.value ?? null;
  }

  change(value: T): void {
    this.pending = { value };
    this.cancelTimer();
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.flush();
    }, this.options.delayMs);
    if (!this.running) this.options.onStatus({ state: 'pending' });
  }

  /** Saves what is pending now; resolves true once everything is saved, false if a save failed. */
  async flush(): Promise<boolean> {
    this.cancelTimer();
    for (;;) {
      if (this.running) {
        if (!(await this.running)) return false;
        continue;
      }
      if (!this.pending) return true;
      this.running = this.saveOne(this.pending);
    }
  }

  /** Stops the timer without saving (the caller takes `unsaved` with it). */
  dispose(): void {
    this.cancelTimer();
  }

  private saveOne(taken: { value: T }): Promise<boolean> {
    this.pending = null;
    this.options.onStatus({ state: 'saving' });
    return this.options.save(taken.value).then(
      () => {
        this.running = null;
        this.options.onStatus(this.pending ? { state: 'pending' } : { state: 'saved' });
        return true;
      },
      (error: unknown) => {
        this.running = null;
        // Keep the failed value unless a newer change already replaced it.
        if (!this.pending) this.pending = taken;
        this.options.onStatus({ state: 'failed', ...describe(error) });
        return false;
      },
    );
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }
}
