/**
 * The embedded engine's WAL is checkpointed by a worker thread, never by the writer inside a
 * COMMIT: the database file takes the committed pages only when the worker checkpoints, which
 * it does by itself while commits add to the WAL; everything committed reads back after a reopen.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Checkpointer } from '../../../src/server/db/checkpointer';
import { SqliteDatabase } from '../../../src/server/db/sqlite';
import { waitFor } from '../../integration/server/helpers/wait-for';
import { testTempDir } from '../../helpers/temp-dir';

const VALUE = 'x'.repeat(1000);

async function write(db: SqliteDatabase, from: number, count: number): Promise<void> {
  await db.transaction(async (tx) => {
    for (let i = from; i < from + count; i++) await tx.run('INSERT INTO secrets (name, value) VALUES (?, ?)', [`n${i}`, VALUE]);
  });
}

describe('SQLite checkpoints', () => {
  let db: SqliteDatabase | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it('are not taken by the writer, however much is committed: the worker copies the WAL into the database', async () => {
    const dir = testTempDir('shotlist-checkpoint-');
    const file = join(dir, 'shotlist.db');
    // A long interval: only the explicit checkpoint below runs.
    db = new SqliteDatabase(dir, { checkpointIntervalMs: 60_000 });
    const before = statSync(file).size;
    // ≈ 3 MB: past SQLite's default auto-checkpoint of 1000 pages (2 MB at 2 KiB a page).
    for (let i = 0; i < 30; i++) await write(db, i * 100, 100);
    expect(statSync(file).size).toBe(before);

    const result = await db.checkpoint();
    expect(result.log).toBeGreaterThan(1000);
    expect(result.checkpointed).toBe(result.log);
    expect(statSync(file).size).toBeGreaterThan(before + 3_000_000);
  });

  it('run by themselves while commits come, and lose nothing across a reopen', async () => {
    const dir = testTempDir('shotlist-checkpoint-');
    const file = join(dir, 'shotlist.db');
    db = new SqliteDatabase(dir, { checkpointIntervalMs: 20 });
    const before = statSync(file).size;
    for (let i = 0; i < 10; i++) await write(db, i * 100, 100);
    await waitFor('the worker to checkpoint', async () => (statSync(file).size > before + 900_000 ? true : undefined));
    await write(db, 1000, 100);
    await db.close();

    db = new SqliteDatabase(dir);
    const [count] = await db.tuples<[number]>('SELECT COUNT(*) FROM secrets WHERE value = ?', [VALUE]);
    expect(count![0]).toBe(1100);
  });

  it('let the WAL start over under writes that never pause, and lose none of them', async () => {
    const dir = testTempDir('shotlist-checkpoint-');
    db = new SqliteDatabase(dir, { checkpointIntervalMs: 10 });
    const open = db;
    // Two writers, each queueing its next transaction as soon as the last is durable: at no
    // moment is the writer idle long enough for a checkpoint beside it to catch up by itself.
    let next = 0;
    let written = 0;
    const writer = async () => {
      while (written < 40_000_000) {
        const from = next;
        next += 50;
        await write(open, from, 50);
        written += 50 * VALUE.length;
      }
    };
    await Promise.all([writer(), writer()]);
    // 40 MB went through the WAL; started over, it holds only what came since the last restart.
    expect(statSync(join(dir, 'shotlist.db-wal')).size).toBeLessThan(10_000_000);
    const [count] = await db.tuples<[number]>('SELECT COUNT(*) FROM secrets WHERE value = ?', [VALUE]);
    expect(count![0]).toBe(next);
  });

  it('report a worker that fails, so that the writer takes checkpoints back', async () => {
    const failures: Error[] = [];
    const checkpointer = new Checkpointer(join(testTempDir('shotlist-checkpoint-'), 'missing.db'), (error) => failures.push(error), 60_000);
    const failure = await waitFor('the worker to fail', async () => failures[0]);
    expect(failure.message).toBe('the checkpoint worker failed: SQLITE_CANTOPEN');
    await expect(checkpointer.checkpoint()).rejects.toThrow('the checkpoint worker has failed');
    await checkpointer.close();
    expect(failures).toHaveLength(1);
  });
});
