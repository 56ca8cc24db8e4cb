/**
 * Everything that happens to a generation after the gate committed it: the provider call
 * (timeouts, retries with our task id when the provider dedupes them), outcomes from webhooks
 * or polling, cancels, timeouts and crash reconciliation. Every path that finishes a task goes
 * through store.settle, which settles credits exactly once whichever path gets there first.
 *
 * A create that failed without a clear refusal (a timeout, a 5xx, a dropped connection) may
 * have happened. It is retried only when the provider dedupes creates by our task id; with any
 * other provider (Gemini) a second create could start a second paid task, so the task stays
 * `pending` and the sweeper's reconciliation decides it once its submit window has passed.
 */
import type { GenerationError } from '../../shared/contracts/api';
import type { Database } from '../db';
import type { ServerMetrics } from '../metrics';
import { withDeadline } from '../providers/http';
import { ProviderError, type ProviderTaskInput, type VideoProvider } from '../providers/provider';
import type { Clock } from '../util/time';
import type { VideoStore } from '../video/store';
import {
  findByProviderTask,
  getGeneration,
  getOwnGeneration,
  hasCreatesInFlight,
  listOpen,
  markAbandoned,
  markRunning,
  markSubmitted,
  settle,
  type GenerationRow,
  type Settlement,
} from './store';

export interface Logger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface TaskOptions {
  db: Database;
  /** How long a webhook for a task id we have not recorded yet waits for this process's creates to record theirs. */
  recordWaitMs?: number;
  /** The configured provider's name (SHOTLIST_PROVIDER), stored with each task. */
  providerName: string;
  videos: VideoStore;
  metrics: ServerMetrics;
  log: Logger;
  clock: Clock;
  taskTimeoutMs: number;
  providerTimeoutMs: number;
  providerRetries: number;
  /** Base of the exponential backoff between provider retries. */
  retryBaseMs?: number;
}

export const MESSAGES: Record<GenerationError['code'], string> = {
  provider_failed: 'The video could not be made. Your credits were returned.',
  provider_rejected: 'The video service declined this request. Your credits were returned.',
  provider_unavailable: 'The video service could not be reached. Your credits were returned.',
  timed_out: 'No result arrived in time. Your credits were returned.',
  canceled: 'Canceled. Your credits were returned.',
};

const failure = (code: GenerationError['code']): Settlement => ({
  status: code === 'canceled' ? 'canceled' : 'failed',
  error: { code, message: MESSAGES[code] },
});

export type ProviderOutcome =
  | { state: 'running' }
  | { state: 'succeeded'; videoUrl: string }
  | { state: 'failed' };

export class DownloadFailed extends Error {
  override readonly name = 'DownloadFailed';
}

/** How many polled tasks are asked about at once. */
const POLL_CONCURRENCY = 4;
const DEFAULT_RECORD_WAIT_MS = 2_000;

export class TaskRunner {
  private readonly inFlight = new Set<Promise<unknown>>();
  /** Creates this process has started and not yet recorded (or given up on). */
  private readonly creates = new Set<Promise<unknown>>();
  /** Webhooks waiting for a provider task id to be recorded. */
  private readonly recordWaiters = new Map<string, Set<() => void>>();

  /** Set once the provider has started (it needs the server's own URL for webhooks). */
  constructor(
    private readonly o: TaskOptions,
    public provider: VideoProvider,
  ) {}

  /** How long a create (all attempts) may take before the sweeper treats it as interrupted. */
  get submitWindowMs(): number {
    const attempts = this.provider.dedupesCreates ? this.o.providerRetries + 1 : 1;
    const backoff = (this.o.retryBaseMs ?? 200) * 2 ** attempts;
    return attempts * this.o.providerTimeoutMs + backoff + 1_000;
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p)).catch(() => undefined);
    return p;
  }

  /** Resolves when every provider call and outcome this runner started has finished. */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** A provider call, timed for the metrics, aborted (TimeoutError) once providerTimeoutMs has passed. */
  private callProvider<T>(operation: string, call: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return this.o.metrics.timeProvider(operation, () => withDeadline(undefined, this.o.providerTimeoutMs, call));
  }

  /** Finishes a task and counts the credits it moved; null when it was already finished. */
  async finish(id: string, outcome: Settlement): Promise<GenerationRow | null> {
    const now = this.o.clock();
    const row = await this.o.db.transaction(async (tx) => {
      const settled = await settle(tx, id, outcome, now);
      if (settled) await markAbandoned(tx, id);
      return settled;
    });
    if (row) this.o.metrics.credits.inc({ kind: outcome.status === 'succeeded' ? 'charged' : 'refunded' }, row.credits);
    return row;
  }

  /** Calls the provider for a freshly committed task; never throws. Resolves to the task's state after. */
  submit(row: GenerationRow, input: ProviderTaskInput): Promise<GenerationRow> {
    const p = this.submitWithRetries(row, input);
    this.creates.add(p);
    void p.finally(() => this.creates.delete(p)).catch(() => undefined);
    return this.track(p);
  }

  private async submitWithRetries(row: GenerationRow, input: ProviderTaskInput): Promise<GenerationRow> {
    const { provider } = this;
    let latest: GenerationRow | null = null;
    for (let attempt = 0; ; attempt++) {
      try {
        const { providerTaskId } = await this.callProvider('create', (signal) => provider.createTask(input, signal));
        latest = await this.recordSubmitted(row, providerTaskId);
        break;
      } catch (err) {
        const kind = err instanceof ProviderError ? err.kind : 'unavailable';
        this.o.log.warn({ generationId: row.id, attempt, kind }, 'provider create failed');
        if (kind === 'rejected') {
          latest = await this.finish(row.id, failure('provider_rejected'));
          break;
        }
        // A timed-out create may have happened: ask before trying again, so one task is never created twice.
        const found = await this.lookUpByOurId(row.id);
        if (found) {
          latest = await this.recordSubmitted(row, found);
          break;
        }
        if (!provider.dedupesCreates) {
          this.o.log.warn({ generationId: row.id, kind }, 'provider create outcome unknown; left for reconciliation');
          latest = row;
          break;
        }
        if (attempt >= this.o.providerRetries) {
          latest = await this.finish(row.id, failure('provider_unavailable'));
          break;
        }
        await sleep((this.o.retryBaseMs ?? 200) * 2 ** attempt);
      }
    }
    return latest ?? (await getGeneration(this.o.db, row.id)) ?? row;
  }

  /**
   * Records the provider's task id. Its durability is not waited for: nobody outside is told
   * about it, and if a power cut lost it, reconciliation would look the task up again.
   * Returns the task as it now stands, or null when it was finished meanwhile.
   */
  private async recordSubmitted(row: GenerationRow, providerTaskId: string): Promise<GenerationRow | null> {
    const recorded = await this.o.db.transaction((tx) => markSubmitted(tx, row, providerTaskId, this.o.clock()), { wait: 'committed' });
    if (recorded) {
      this.wakeRecordWaiters(providerTaskId);
      return recorded;
    }
    // Finished meanwhile (canceled, or reconciled by a sweeper): the provider need not carry on.
    await this.cancelAtProvider(providerTaskId);
    return null;
  }

  private wakeRecordWaiters(providerTaskId: string): void {
    const waiters = this.recordWaiters.get(providerTaskId);
    if (!waiters) return;
    this.recordWaiters.delete(providerTaskId);
    for (const wake of waiters) wake();
  }

  /**
   * A webhook can overtake the create call's answer: the provider has the task before we have
   * recorded its id. When this process has creates in flight, wait (bounded) until the id is
   * recorded or those creates are done, whichever comes first.
   */
  private async awaitRecording(providerTaskId: string): Promise<void> {
    if (this.creates.size === 0) return;
    const inFlight = Promise.allSettled([...this.creates]);
    let wake!: () => void;
    const recorded = new Promise<void>((resolve) => (wake = resolve));
    let waiters = this.recordWaiters.get(providerTaskId);
    if (!waiters) this.recordWaiters.set(providerTaskId, (waiters = new Set()));
    waiters.add(wake);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([recorded, inFlight, new Promise<void>((resolve) => (timer = setTimeout(resolve, this.o.recordWaitMs ?? DEFAULT_RECORD_WAIT_MS)))]);
    } finally {
      clearTimeout(timer);
      waiters.delete(wake);
      if (waiters.size === 0 && this.recordWaiters.get(providerTaskId) === waiters) this.recordWaiters.delete(providerTaskId);
    }
  }

  private async lookUpByOurId(id: string): Promise<string | null> {
    const find = this.provider.findTaskByOurId?.bind(this.provider);
    if (!find) return null;
    try {
      const found = await this.callProvider('find', (signal) => find(id, signal));
      return found?.providerTaskId ?? null;
    } catch {
      return null;
    }
  }

  private async cancelAtProvider(providerTaskId: string): Promise<void> {
    const cancel = this.provider.cancelTask?.bind(this.provider);
    if (!cancel) return;
    try {
      await this.callProvider('cancel', (signal) => cancel(providerTaskId, signal));
    } catch (err) {
      this.o.log.warn({ kind: err instanceof ProviderError ? err.kind : 'error' }, 'provider cancel failed');
    }
  }

  /**
   * Applies what the provider says about one of its tasks. A success is charged only once its
   * clip is stored here; a failed download throws DownloadFailed so the sender retries.
   * 'unknown': no task of ours has that provider id, even after waiting for this process's
   * creates in flight; 'pending' too when some task's create is still unrecorded in the
   * database (possibly in another process), so the sender should deliver again shortly.
   */
  async applyOutcome(providerTaskId: string, outcome: ProviderOutcome): Promise<'applied' | 'ignored' | 'unknown' | 'pending'> {
    let row = await findByProviderTask(this.o.db, this.o.providerName, providerTaskId);
    if (!row) {
      await this.awaitRecording(providerTaskId);
      row = await findByProviderTask(this.o.db, this.o.providerName, providerTaskId);
    }
    if (!row) return (await hasCreatesInFlight(this.o.db, this.o.providerName, this.o.clock())) ? 'pending' : 'unknown';
    if (row.status !== 'queued' && row.status !== 'running') return 'ignored';
    if (outcome.state === 'running') {
      const moved = await this.o.db.transaction((tx) => markRunning(tx, row.id, this.o.clock()));
      return moved ? 'applied' : 'ignored';
    }
    if (outcome.state === 'failed') return (await this.finish(row.id, failure('provider_failed'))) ? 'applied' : 'ignored';
    const fileName = await this.download(row.id, outcome.videoUrl);
    return (await this.finish(row.id, { status: 'succeeded', videoPath: fileName })) ? 'applied' : 'ignored';
  }

  private async download(id: string, videoUrl: string): Promise<string> {
    const { provider } = this;
    try {
      const bytes = await this.callProvider('download', (signal) => provider.downloadVideo(videoUrl, signal));
      if (bytes.byteLength === 0) throw new ProviderError('unavailable', 'empty video');
      return await this.o.videos.save(id, bytes);
    } catch (err) {
      this.o.log.warn({ generationId: id, kind: err instanceof ProviderError ? err.kind : 'error' }, 'video download failed');
      throw new DownloadFailed('the video could not be fetched from the provider');
    }
  }

  /** The owner cancels: a queued or running task becomes canceled and is refunded once. */
  async cancel(userId: string, id: string): Promise<GenerationRow | null> {
    const row = await getOwnGeneration(this.o.db, userId, id);
    if (!row) return null;
    const finished = await this.finish(id, failure('canceled'));
    if (finished?.provider_task_id) void this.track(this.cancelAtProvider(finished.provider_task_id));
    return finished ?? (await getGeneration(this.o.db, id)) ?? row;
  }

  /**
   * One sweep: fails and refunds tasks past the task timeout, and reconciles creates that never
   * finished (a crash, or an uncertain create at a provider that cannot dedupe): recorded if the
   * provider has the task, else failed and refunded.
   */
  async sweep(): Promise<{ timedOut: number; reconciled: number }> {
    const now = this.o.clock();
    let timedOut = 0;
    let reconciled = 0;
    for (const row of await listOpen(this.o.db, 'created_at < ?', [now - this.o.taskTimeoutMs], 500)) {
      if (await this.finish(row.id, failure('timed_out'))) {
        timedOut++;
        if (row.provider_task_id) await this.cancelAtProvider(row.provider_task_id);
      }
    }
    for (const row of await listOpen(this.o.db, `submit_state = 'pending' AND submit_deadline < ?`, [now], 500)) {
      const found = await this.lookUpByOurId(row.id);
      if (found) await this.recordSubmitted(row, found);
      else await this.finish(row.id, failure('provider_unavailable'));
      reconciled++;
    }
    return { timedOut, reconciled };
  }

  /** Asks a polled provider about every open task it has (a few at a time) and applies the answers. */
  async pollOpen(): Promise<{ polled: number }> {
    if (!this.provider.polled) return { polled: 0 };
    const rows = await listOpen(this.o.db, `submit_state = 'submitted' AND provider = ?`, [this.o.providerName], 500);
    const ids = rows.flatMap((r) => (r.provider_task_id ? [r.provider_task_id] : []));
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < ids.length) await this.poll(ids[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(POLL_CONCURRENCY, ids.length) }, worker));
    return { polled: ids.length };
  }

  private async poll(providerTaskId: string): Promise<void> {
    try {
      const state = await this.callProvider('get', (signal) => this.provider.getTask(providerTaskId, signal));
      if (state.state === 'running') await this.applyOutcome(providerTaskId, { state: 'running' });
      else if (state.state === 'succeeded') await this.applyOutcome(providerTaskId, { state: 'succeeded', videoUrl: state.videoUrl });
      else if (state.state === 'failed') await this.applyOutcome(providerTaskId, { state: 'failed' });
    } catch (err) {
      this.o.log.warn({ kind: err instanceof ProviderError ? err.kind : 'error' }, 'provider poll failed');
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
