/**
 * One server process per embedded database: a second one on the same data directory is refused
 * with a coded error that says what to do, in the same process or another; closing the first, or
 * killing its process with SIGKILL, frees the directory at once.
 */
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError } from '../../../src/server/db/data-dir-lock';
import { SqliteDatabase } from '../../../src/server/db/sqlite';
import { testTempDir } from '../../helpers/temp-dir';
import { spawnServer, type ServerProcess } from './helpers/processes';

function refusal(open: () => unknown): DataDirInUseError {
  try {
    open();
  } catch (error) {
    if (error instanceof DataDirInUseError) return error;
    throw error;
  }
  throw new Error('the second database was not refused');
}

describe('the embedded data directory', () => {
  const open: SqliteDatabase[] = [];
  let server: ServerProcess | undefined;
  afterEach(async () => {
    await Promise.all(open.splice(0).map((db) => db.close()));
    await server?.kill9();
    server = undefined;
  });

  it('is refused to a second database while the first is open, and free once it is closed', async () => {
    const dir = testTempDir('shotlist-lock-');
    const first = new SqliteDatabase(dir);
    await first.run('INSERT INTO secrets (name, value) VALUES (?, ?)', ['kept', 'yes']);
    const error = refusal(() => new SqliteDatabase(dir));
    expect(error.code).toBe('data_dir_in_use');
    expect(error.message).toContain(dir);
    expect(error.message).toContain('SHOTLIST_DATABASE_URL');
    await first.close();

    const second = new SqliteDatabase(dir);
    open.push(second);
    expect(await second.get('SELECT value FROM secrets WHERE name = ?', ['kept'])).toEqual({ value: 'yes' });
  });

  it('is refused while a server process holds it, and free as soon as that process is killed', async () => {
    const dir = testTempDir('shotlist-lock-');
    server = await spawnServer({ SHOTLIST_DATA_DIR: dir });
    expect(refusal(() => new SqliteDatabase(dir)).code).toBe('data_dir_in_use');
    await server.kill9();
    server = undefined;
    open.push(new SqliteDatabase(dir));
  });

  it('is free again after a database there failed to open', async () => {
    const dir = testTempDir('shotlist-lock-');
    // A table in the way of the first migration.
    const foreign = new BetterSqlite3(join(dir, 'shotlist.db'));
    foreign.exec('CREATE TABLE settings (anything TEXT)');
    foreign.close();
    expect(() => new SqliteDatabase(dir)).toThrow(/already exists/);
    // The same error again, not data_dir_in_use: the failed attempt kept nothing.
    expect(() => new SqliteDatabase(dir)).toThrow(/already exists/);
  });
});
