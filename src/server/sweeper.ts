/**
 * The server's two background loops, each never running twice at once:
 * - the sweep (every SHOTLIST_SWEEP_INTERVAL_MS) fails and refunds tasks stuck past
 *   SHOTLIST_TASK_TIMEOUT_S and reconciles creates that never finished;
 * - the poll (every SHOTLIST_PROVIDER_POLL_MS) asks a polled provider about its open tasks.
 * Several processes may run them on the same database: settlement is conditional, so at most one wins.
 */
import type { Logger, TaskRunner } from './generations/tasks';

class Loop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly body: () => Promise<void>,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.runOnce(), this.intervalMs);
    this.timer.unref();
    void this.runOnce();
  }

  runOnce(): Promise<void> {
    this.running ??= this.body().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}

export class Sweeper {
  private readonly sweep: Loop;
  private readonly poll: Loop;

  constructor(tasks: TaskRunner, intervals: { sweepMs: number; pollMs: number }, log: Logger) {
    this.sweep = new Loop(intervals.sweepMs, () =>
      tasks.sweep().then(
        (r) => {
          if (r.timedOut || r.reconciled) log.info(r, 'sweep finished tasks');
        },
        (err: unknown) => log.error({ err }, 'sweep failed'),
      ),
    );
    this.poll = new Loop(intervals.pollMs, () =>
      tasks.pollOpen().then(
        () => undefined,
        (err: unknown) => log.error({ err }, 'provider poll failed'),
      ),
    );
  }

  start(): void {
    this.sweep.start();
    this.poll.start();
  }

  /** One sweep now (or the one already running). */
  runOnce(): Promise<void> {
    return this.sweep.runOnce();
  }

  /** One round of polling now (or the one already running). */
  pollOnce(): Promise<void> {
    return this.poll.runOnce();
  }

  async stop(): Promise<void> {
    await Promise.all([this.sweep.stop(), this.poll.stop()]);
  }
}
