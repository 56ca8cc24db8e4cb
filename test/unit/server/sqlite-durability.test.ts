/**
 * The embedded engine answers a transaction only after the fdatasync that covers its commit;
 * 'committed' transactions are answered at COMMIT and take no sync of their own; a failed sync fails its callers and every
 * later write (what was committed may not be on disk).
 */
import { fdatasync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteDatabase } from '../../../src/server/db/sqlite';
import { testTempDir } from '../../helpers/temp-dir';

type Sync = typeof fdatasync;

/** An fdatasync the test releases by hand. */
function heldSync() {
  const held: Array<{ fd: number; done: (err: NodeJS.ErrnoException | null) => void }> = [];
  const sync = ((fd: number, done: (err: NodeJS.ErrnoException | null) => void) => void held.push({ fd, done })) as Sync;
  return { sync, held };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('SQLite group commit durability', () => {
  let db: SqliteDatabase | undefined;
  afterEach(async () => {
    await db?.close().catch(() => undefined);
    db = undefined;
  });

  it('answers only after the sync that started after the commit, and one sync covers a whole group', async () => {
    const { sync, held } = heldSync();
    db = new SqliteDatabase(testTempDir('shotlist-dur-'), { fdatasync: sync });
    const answered: string[] = [];
    const writes = ['a', 'b', 'c'].map((k) => db!.run('INSERT INTO secrets (name, value) VALUES (?, ?)', [k, 'v']).then(() => answered.push(k)));
    for (let i = 0; i < 5; i++) await tick();
    // Committed (a reader sees it) but not yet synced: nobody has been answered.
    expect(await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM secrets WHERE value = ?', ['v'])).toEqual({ n: 3 });
    expect(answered).toEqual([]);
    expect(held).toHaveLength(1);

    // A commit made while that sync runs waits for the next one.
    const later = db.run('INSERT INTO secrets (name, value) VALUES (?, ?)', ['d', 'v']).then(() => answered.push('d'));
    for (let i = 0; i < 5; i++) await tick();
    expect(held).toHaveLength(1);
    held[0]!.done(null);
    await Promise.all(writes);
    expect(answered).toEqual(['a', 'b', 'c']);
    for (let i = 0; i < 5; i++) await tick();
    expect(held).toHaveLength(2);
    held[1]!.done(null);
    await later;
    expect(answered).toEqual(['a', 'b', 'c', 'd']);
  });

  it("answers 'committed' transactions at COMMIT and syncs for them only with a later durable one", async () => {
    const { sync, held } = heldSync();
    db = new SqliteDatabase(testTempDir('shotlist-dur-'), { fdatasync: sync });
    const value = await db.transaction((tx) => tx.run('INSERT INTO secrets (name, value) VALUES (?, ?)', ['x', 'y']), { wait: 'committed' });
    expect(value).toBe(1);
    for (let i = 0; i < 5; i++) await tick();
    // Nobody waits on the disk for it: no sync of its own.
    expect(held).toHaveLength(0);

    let answered = false;
    const durable = db.run('INSERT INTO secrets (name, value) VALUES (?, ?)', ['z', 'y']).then(() => (answered = true));
    for (let i = 0; i < 5; i++) await tick();
    // The durable commit's sync is of the whole WAL, the earlier commit's frames included.
    expect(held).toHaveLength(1);
    expect(answered).toBe(false);
    held[0]!.done(null);
    await durable;
    expect(held).toHaveLength(1);
  });

  it('a failed sync fails its callers and refuses every later write and the readiness check', async () => {
    const { sync, held } = heldSync();
    db = new SqliteDatabase(testTempDir('shotlist-dur-'), { fdatasync: sync });
    const write = db.run('INSERT INTO secrets (name, value) VALUES (?, ?)', ['k', 'v']);
    for (let i = 0; i < 5; i++) await tick();
    held[0]!.done(Object.assign(new Error('EIO'), { code: 'EIO' }));
    await expect(write).rejects.toThrow(/could not be made durable/);
    await expect(db.run('INSERT INTO secrets (name, value) VALUES (?, ?)', ['k2', 'v'])).rejects.toThrow(/could not be made durable/);
    await expect(db.ping()).rejects.toThrow(/could not be made durable/);
  });

  it('syncs the real WAL file: a write is answered and readable after reopening', async () => {
    const dir = testTempDir('shotlist-dur-');
    const synced: number[] = [];
    db = new SqliteDatabase(dir, { fdatasync: ((fd: number, done: (err: NodeJS.ErrnoException | null) => void) => fdatasync(fd, (err) => (synced.push(fd), done(err)))) as Sync });
    await db.run('INSERT INTO secrets (name, value) VALUES (?, ?)', ['kept', 'yes']);
    expect(synced.length).toBeGreaterThan(0);
    await db.close();
    db = new SqliteDatabase(dir);
    expect(await db.get('SELECT value FROM secrets WHERE name = ?', ['kept'])).toEqual({ value: 'yes' });
  });
});
