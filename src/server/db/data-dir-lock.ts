/**
 * One server process per embedded database. The embedded engine counts rate limits in memory
 * and keeps one writer, so a second process on the same data directory would quietly double
 * every user's rate limit and fight the first for the write lock. SQLite's own file locking
 * holds the data directory: an exclusive transaction on `server.lock`, kept open for the life
 * of the database. The OS drops the lock when the process ends in any way (kill -9 included),
 * so a restart after a crash is never refused.
 */
import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';

export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
  readonly code = 'data_dir_in_use';
  constructor(readonly dataDir: string) {
    super(
      `Another Shotlist server is using the data directory ${dataDir}. Stop it, or give this server its own SHOTLIST_DATA_DIR; ` +
        'several processes can share one database only on PostgreSQL (SHOTLIST_DATABASE_URL).',
    );
  }
}

export interface DataDirLock {
  release(): void;
}

export function lockDataDir(dataDir: string): DataDirLock {
  // No waiting: a directory in use is refused at once.
  const conn = new BetterSqlite3(join(dataDir, 'server.lock'), { timeout: 0 });
  try {
    // Exclusive locking mode: the lock, once taken, is held until the connection closes.
    conn.pragma('locking_mode = EXCLUSIVE');
    conn.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    conn.close();
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') throw new DataDirInUseError(dataDir);
    throw error;
  }
  return {
    release() {
      if (conn.open) conn.close();
    },
  };
}
