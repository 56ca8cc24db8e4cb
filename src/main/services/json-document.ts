/**
 * One small JSON document (campaigns, review requests, a concept queue) kept in memory and
 * persisted durably after every change. Changes are serialised, so they never interleave.
 */
import { z } from 'zod';
import { toJsonText, writeFileDurably } from './atomic-file';
import type { DamagedFiles } from './damaged-files';
import { readJsonFileOrSetAside } from './json-file';
import { KeyedLock } from './keyed-lock';

export class JsonDocument<S extends z.ZodType> {
  private readonly lock = new KeyedLock();

  private constructor(
    private readonly path: string,
    private readonly schema: S,
    private current: z.output<S>,
  ) {}

  static async open<S extends z.ZodType>(
    path: string,
    schema: S,
    empty: z.output<S>,
    damaged: DamagedFiles,
  ): Promise<JsonDocument<S>> {
    const stored = await readJsonFileOrSetAside(path, schema, damaged);
    return new JsonDocument(path, schema, stored ?? empty);
  }

  get value(): z.output<S> {
    return this.current;
  }

  /** Applies `change` to the latest value and persists the result before resolving. */
  update<R>(change: (value: z.output<S>) => { value: z.output<S>; result: R }): Promise<R> {
    return this.lock.run('document', async () => {
      const { value, result } = change(this.current);
      const valid = this.schema.parse(value);
      await writeFileDurably(this.path, toJsonText(valid));
      this.current = valid;
      return result;
    });
  }

  drain(): Promise<void> {
    return this.lock.drain();
  }
}
