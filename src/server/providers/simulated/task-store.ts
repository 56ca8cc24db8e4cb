/**
 * The simulated provider's task table, kept in memory and, when given a directory, on disk
 * (atomically rewritten on every change), so a restart still dedupes a retried create and
 * still knows every task. It keeps options and the directive outcome, never the prompt.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { ASPECT_RATIOS } from '../../../shared/contracts/api';

export const SimTaskState = z.enum(['queued', 'running', 'succeeded', 'failed', 'canceled']);
export type SimTaskState = z.infer<typeof SimTaskState>;

export const SimTask = z.object({
  providerTaskId: z.string(),
  ourTaskId: z.string(),
  outcome: z.enum(['succeed', 'fail', 'hold']),
  duplicate: z.boolean(),
  state: SimTaskState,
  durationSeconds: z.number().int(),
  aspectRatio: z.enum(ASPECT_RATIOS),
  generateAudio: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SimTask = z.infer<typeof SimTask>;

const StoreFile = z.object({ version: z.literal(1), tasks: z.array(SimTask) });

/** Finished tasks are forgotten after this long: long past any retried create or late poll. */
export const FINISHED_TASK_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

export class SimTaskStore {
  private readonly byId = new Map<string, SimTask>();
  private readonly byOurId = new Map<string, string>();
  private readonly file: string | undefined;

  constructor(dir?: string) {
    if (dir) {
      mkdirSync(dir, { recursive: true });
      this.file = join(dir, 'tasks.json');
      const cutoff = Date.now() - FINISHED_TASK_RETENTION_MS;
      for (const task of this.load(this.file)) {
        const finished = task.state === 'succeeded' || task.state === 'failed' || task.state === 'canceled';
        if (!finished || Date.parse(task.updatedAt) >= cutoff) this.index(task);
      }
    }
  }

  get(providerTaskId: string): SimTask | undefined {
    return this.byId.get(providerTaskId);
  }

  findByOurId(ourTaskId: string): SimTask | undefined {
    const id = this.byOurId.get(ourTaskId);
    return id === undefined ? undefined : this.byId.get(id);
  }

  all(): SimTask[] {
    return [...this.byId.values()];
  }

  add(task: SimTask): void {
    this.index(task);
    this.save();
  }

  setState(providerTaskId: string, state: SimTaskState): SimTask | undefined {
    const task = this.byId.get(providerTaskId);
    if (!task) return undefined;
    task.state = state;
    task.updatedAt = new Date().toISOString();
    this.save();
    return task;
  }

  private index(task: SimTask): void {
    this.byId.set(task.providerTaskId, task);
    this.byOurId.set(task.ourTaskId, task.providerTaskId);
  }

  private load(file: string): SimTask[] {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
    return StoreFile.parse(JSON.parse(text)).tasks;
  }

  private save(): void {
    if (!this.file) return;
    writeFileAtomic.sync(this.file, JSON.stringify({ version: 1, tasks: this.all() }));
  }
}
