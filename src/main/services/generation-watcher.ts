/**
 * Follows the generations this studio submitted until they finish: polls each unfinished one
 * and reports every change (status, video, refund) as it happens.
 */
import { TERMINAL_STATUSES, type Generation } from '../../shared/contracts/api';

export interface GenerationWatcherOptions {
  fetchOne: (id: string) => Promise<Generation>;
  onUpdate: (generation: Generation) => void;
  pollMs: number;
}

function isTerminal(generation: Generation): boolean {
  return TERMINAL_STATUSES.includes(generation.status);
}

export class GenerationWatcher {
  private readonly watched = new Map<string, string>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(private readonly options: GenerationWatcherOptions) {}

  /** Records the latest known state; unfinished generations are polled until they finish. */
  observe(generation: Generation): void {
    const fingerprint = JSON.stringify(generation);
    const known = this.watched.get(generation.id);
    if (known !== undefined && known !== fingerprint) this.options.onUpdate(generation);
    if (isTerminal(generation)) this.watched.delete(generation.id);
    else this.watched.set(generation.id, fingerprint);
    this.schedule();
  }

  get watching(): string[] {
    return [...this.watched.keys()];
  }

  private schedule(): void {
    if (this.stopped || this.timer || this.watched.size === 0) return;
    this.timer = setTimeout(() => void this.poll(), this.options.pollMs);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    this.timer = null;
    await Promise.all(
      [...this.watched.keys()].map((id) =>
        this.options.fetchOne(id).then(
          (generation) => this.observe(generation),
          () => undefined, // offline or transient: try again next round
        ),
      ),
    );
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
