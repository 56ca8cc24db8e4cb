/**
 * Runs TaskRunner.sweep on an interval, never two at once: fails and refunds tasks stuck past
 * SHOTLIST_TASK_TIMEOUT_S, reconciles creates a crash interrupted, and polls polled providers.
 * Several processes may sweep the same database: settlement is conditional, so at most one wins.
 */
import type { Logger, TaskRunner } from './generations/tasks';

export class Sweeper {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly tasks: TaskRunner,
    private readonly intervalMs: number,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.runOnce(), this.intervalMs);
    this.timer.unref();
    void this.runOnce();
  }

  runOnce(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.tasks
      .sweep()
      .then((r) => {
        if (r.timedOut || r.reconciled) this.log.info(r, 'sweep finished tasks');
      })
      .catch((err: unknown) => this.log.error({ err }, 'sweep failed'))
      .finally(() => {
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
