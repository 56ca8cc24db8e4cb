/**
 * WAL checkpoints on a worker thread. A checkpoint copies committed pages from the WAL into the
 * database file and fsyncs both; run by the writer (SQLite's auto-checkpoint, inside a COMMIT)
 * it stops the event loop for that long — a few hundred µs on a fast VM disk, tens of ms on a
 * laptop's. Here a second connection on a worker thread checkpoints (PASSIVE: it never blocks
 * the writer or readers) whenever commits have added to the WAL since the last one, at most
 * every intervalMs. If the worker fails, the writer checkpoints by itself again (onFailure).
 *
 * The WAL must also start over, or under steady load it grows without end: SQLite writes from
 * its start again only when a write transaction begins with every frame already copied, which a
 * checkpoint running beside the writer never achieves (commits land while it copies). Measured:
 * 260 MB of WAL after 8 s of submissions, each new frame extending the file (the kernel zeroes
 * and allocates blocks, every fdatasync also commits the file's new size) and every page read
 * searching more WAL index. So when a checkpoint left frames behind, the writer holds new
 * groups (holdWrites; the event loop runs on) while a second one copies the few frames that
 * came meanwhile; the next group then rewrites the WAL from its start.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Plain CommonJS, evaluated in the worker: it only opens a connection and checkpoints on request. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  const [row] = db.pragma('wal_checkpoint(PASSIVE)');
  parentPort.postMessage({ busy: row.busy, log: row.log, checkpointed: row.checkpointed });
});
`;

export interface CheckpointResult {
  /** 1 when another connection held a lock it needed (a PASSIVE checkpoint then does what it can). */
  busy: number;
  /** Frames in the WAL, and how many of them are now in the database file. */
  log: number;
  checkpointed: number;
}

export class Checkpointer {
  private readonly worker: Worker;
  private readonly timer: NodeJS.Timeout;
  private dirty = false;
  private running: Promise<CheckpointResult> | null = null;
  private failed = false;
  /** The running checkpointAndRestart, if any. */
  private cycle: Promise<CheckpointResult> | null = null;

  /**
   * holdWrites: resolves once the writer is between groups and starts none until the returned
   * release is called.
   */
  constructor(
    file: string,
    private readonly onFailure: (error: Error) => void,
    intervalMs = 200,
    private readonly holdWrites?: () => Promise<() => void>,
  ) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, driver } });
    this.worker.unref();
    // What a worker throws arrives cloned: SQLite's errors lose their class and message on the way.
    this.worker.on('error', (error: unknown) => this.fail(new Error(`the checkpoint worker failed: ${describe(error)}`)));
    this.worker.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`the checkpoint worker exited with code ${code}`));
    });
    this.timer = setInterval(() => {
      if (this.dirty && !this.running && !this.cycle) void this.checkpointAndRestart().catch(() => undefined);
    }, intervalMs);
    this.timer.unref();
  }

  /** Commits have added to the WAL. */
  committed(): void {
    this.dirty = true;
  }

  /** Checkpoints now (after the one running, if any). */
  async checkpoint(): Promise<CheckpointResult> {
    while (this.running) await this.running.catch(() => undefined);
    if (this.failed) throw new Error('the checkpoint worker has failed');
    this.dirty = false;
    // Referenced while it works: an answer being awaited keeps the process alive.
    this.worker.ref();
    this.running = new Promise<CheckpointResult>((resolve, reject) => {
      const onExit = () => reject(new Error('the checkpoint worker stopped'));
      this.worker.once('exit', onExit);
      this.worker.once('message', (result: CheckpointResult) => {
        this.worker.off('exit', onExit);
        resolve(result);
      });
      this.worker.postMessage('checkpoint');
    }).finally(() => {
      this.running = null;
      this.worker.unref();
    });
    return this.running;
  }

  /**
   * A checkpoint beside the writer, then, if commits came meanwhile, a second one with the
   * writer held, so that every frame is in the database file and the next commit restarts the WAL.
   */
  private checkpointAndRestart(): Promise<CheckpointResult> {
    this.cycle ??= (async () => {
      const first = await this.checkpoint();
      if (!this.holdWrites || !this.dirty) return first;
      const release = await this.holdWrites();
      try {
        return await this.checkpoint();
      } finally {
        release();
      }
    })().finally(() => (this.cycle = null));
    return this.cycle;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.cycle?.catch(() => undefined);
    if (this.failed) return;
    await this.running?.catch(() => undefined);
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.ref();
    this.worker.postMessage('close');
    await exited;
  }

  private fail(error: Error): void {
    if (this.failed) return;
    this.failed = true;
    clearInterval(this.timer);
    this.onFailure(error);
  }
}

function describe(error: unknown): string {
  const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown };
  return [code, message].filter((part) => typeof part === 'string' && part !== '').join(': ') || String(error);
}
