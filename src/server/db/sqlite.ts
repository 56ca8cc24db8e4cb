/**
 * The embedded engine: better-sqlite3 in WAL mode, one writer connection and one read-only one.
 *
 * Durability: nobody hears "done" before the disk has it. Transactions queued in one event-loop
 * turn, or while the previous sync ran, run one after another inside one BEGIN IMMEDIATE …
 * COMMIT (group commit, see flush);
 * COMMIT appends the group to the WAL (synchronous=NORMAL, so SQLite itself does not fsync there)
 * and then one fdatasync of the WAL file, run on libuv's thread pool, makes it durable before any
 * of its callers is answered. That is the guarantee synchronous=FULL gives (the commit is in the
 * fsynced WAL before it is acknowledged: it survives kill -9 and power loss), without blocking the
 * event loop for the length of an fsync. Syncs never overlap; one sync covers every group
 * committed before it started, so a group of only `wait: 'committed'` transactions takes none of
 * its own. Checkpoints run on a worker thread (checkpointer.ts) with SQLite's own syncs (WAL
 * before, database after), never inside the writer's COMMIT.
 * The one difference from FULL: for the length of a sync, other requests can read a commit that
 * is not yet on disk (after a power cut, not after kill -9, such a read could come undone);
 * every acknowledgement, provider call and webhook answer still waits for the sync.
 *
 * Statements run synchronously, so awaits inside a transaction never interleave another
 * request's statements; plain reads go to the read-only connection (the last commit).
 */
import BetterSqlite3 from 'better-sqlite3';
import { closeSync, fdatasync, fsyncSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { Checkpointer } from './checkpointer';
import { lockDataDir, type DataDirLock } from './data-dir-lock';
import type { Database, Queryable, SqlParam, TransactionOptions } from './database';
import { MIGRATIONS } from './migrations';

type Conn = BetterSqlite3.Database;
/** Most transactions one commit carries. */
const MAX_GROUP = 256;
type Stmt = BetterSqlite3.Statement<unknown[], unknown>;

class StatementCache implements Queryable {
  private readonly cache = new Map<string, Stmt>();
  /** Statements in raw mode (rows as arrays) are kept apart: the mode sticks to a statement. */
  private readonly rawCache = new Map<string, Stmt>();
  constructor(private readonly conn: Conn) {}

  private prepare(sql: string): Stmt {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      stmt = this.conn.prepare(sql);
      this.cache.set(sql, stmt);
    }
    return stmt;
  }

  private prepareRaw(sql: string): Stmt {
    let stmt = this.rawCache.get(sql);
    if (!stmt) {
      stmt = this.conn.prepare(sql).raw(true);
      this.rawCache.set(sql, stmt);
    }
    return stmt;
  }

  allSync<T>(sql: string, params: readonly SqlParam[] = []): T[] {
    return this.prepare(sql).all(...params) as T[];
  }
  getSync<T>(sql: string, params: readonly SqlParam[] = []): T | undefined {
    return this.prepare(sql).get(...params) as T | undefined;
  }
  runSync(sql: string, params: readonly SqlParam[] = []): number {
    const stmt = this.prepare(sql);
    // Statements with RETURNING are writes that also read: run them through get/all.
    if (stmt.reader) return stmt.all(...params).length;
    return stmt.run(...params).changes;
  }
  async all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return this.allSync<T>(sql, params);
  }
  async get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
    return this.getSync<T>(sql, params);
  }
  async tuples<T extends readonly unknown[]>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
    return this.prepareRaw(sql).all(...params) as unknown as T[];
  }
  async run(sql: string, params?: readonly SqlParam[]): Promise<number> {
    return this.runSync(sql, params);
  }
}

function open(file: string, readonly: boolean): Conn {
  const conn = new BetterSqlite3(file, { readonly, fileMustExist: readonly });
  conn.pragma('busy_timeout = 5000');
  if (!readonly) {
    // Takes effect only on a new, empty database. Each commit writes every page it changed to
    // the WAL in full; the gate's transaction changes a dozen pages of a few rows each, so 2 KiB
    // pages write half the bytes of the 4 KiB default: measured 112 → 72 µs per submission
    // (docs/server.md). An existing database keeps its page size.
    conn.pragma('page_size = 2048');
    conn.pragma('journal_mode = WAL');
    // Commits are made durable by SqliteDatabase.sync (an fdatasync of the WAL off the event loop).
    conn.pragma('synchronous = NORMAL');
    // After a checkpoint has emptied it, a WAL that a burst grew is cut back to this size.
    conn.pragma('journal_size_limit = 67108864');
    conn.pragma('foreign_keys = ON');
  }
  return conn;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Pending {
  fn: (tx: Queryable) => Promise<unknown>;
  durable: boolean;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
}

export class SqliteDatabase implements Database {
  readonly engine = 'sqlite' as const;
  private readonly file: string;
  private readonly writer: Conn;
  private readonly reader: Conn;
  private readonly writes: StatementCache;
  private readonly reads: StatementCache;
  private readonly control: Record<'begin' | 'commit' | 'rollback' | 'savepoint' | 'release' | 'rollbackTo', Stmt>;
  private pending: Pending[] = [];
  private flushing = false;
  /** Committed groups waiting for the next sync: each settles its callers once the WAL is on disk. */
  private unsynced: Array<(error: Error | null) => void> = [];
  private syncing = false;
  private walFd: number | null = null;
  /** Set when a sync failed: what was committed may not be on disk, so nothing more is accepted. */
  private broken: Error | null = null;
  private idle: (() => void) | null = null;
  /** Set while the checkpointer copies the last frames: no group starts (see Checkpointer). */
  private held = false;
  private betweenGroups: (() => void) | null = null;
  private closed = false;
  private closing: Promise<void> | null = null;
  private readonly fdatasync: typeof fdatasync;
  private readonly checkpointer: Checkpointer;
  private readonly lock: DataDirLock;

  /**
   * options.fdatasync: what makes the WAL durable (tests pass one they control);
   * options.checkpointIntervalMs: how often, at most, the WAL is checkpointed while written to.
   */
  constructor(dataDir: string, options: { fdatasync?: typeof fdatasync; checkpointIntervalMs?: number } = {}) {
    this.fdatasync = options.fdatasync ?? fdatasync;
    mkdirSync(dataDir, { recursive: true });
    // Throws DataDirInUseError while another process (or database object) has this directory.
    this.lock = lockDataDir(dataDir);
    this.file = join(dataDir, 'shotlist.db');
    let writer: Conn | undefined;
    try {
      this.writer = writer = open(this.file, false);
      this.writes = new StatementCache(this.writer);
      this.migrate();
      this.reader = open(this.file, true);
    } catch (error) {
      // A database that cannot be opened or migrated holds nothing: not the file, not the directory.
      writer?.close();
      this.lock.release();
      throw error;
    }
    this.reads = new StatementCache(this.reader);
    this.control = {
      begin: this.writer.prepare('BEGIN IMMEDIATE'),
      commit: this.writer.prepare('COMMIT'),
      rollback: this.writer.prepare('ROLLBACK'),
      savepoint: this.writer.prepare('SAVEPOINT tx'),
      release: this.writer.prepare('RELEASE tx'),
      rollbackTo: this.writer.prepare('ROLLBACK TO tx'),
    };
    // Checkpoints (and their fsyncs) run on a worker thread, not inside the writer's COMMITs;
    // should the worker fail, the writer checkpoints by itself again, as SQLite does by default.
    this.writer.pragma('wal_autocheckpoint = 0');
    this.checkpointer = new Checkpointer(
      this.file,
      () => {
        if (this.writer.open) this.writer.pragma('wal_autocheckpoint = 1000');
      },
      options.checkpointIntervalMs,
      () => this.holdWrites(),
    );
  }

  /** Checkpoints the WAL now, on the checkpoint worker (tests; it also runs by itself). */
  checkpoint(): ReturnType<Checkpointer['checkpoint']> {
    return this.checkpointer.checkpoint();
  }

  private migrate(): void {
    this.writer.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
    const applied = new Set(this.writer.prepare('SELECT id FROM schema_migrations').pluck().all() as number[]);
    for (const m of MIGRATIONS) {
      if (applied.has(m.id)) continue;
      this.writer.transaction(() => {
        for (const s of [...m.statements, ...(m.sqlite ?? [])]) this.writer.exec(s);
        this.writer.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(m.id, m.name, Date.now());
      }).immediate();
    }
    // Whatever the migrations wrote is made durable here, before the server takes requests.
    fsyncSync(this.wal());
  }

  /** The WAL's file descriptor, opened once (SQLite keeps the WAL file while a connection is open). */
  private wal(): number {
    if (this.walFd === null) {
      this.walFd = openSync(`${this.file}-wal`, 'r');
      // The WAL file's own directory entry must be durable too.
      const dir = openSync(join(this.file, '..'), 'r');
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
    }
    return this.walFd;
  }

  all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return this.reads.all<T>(sql, params);
  }
  get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
    return this.reads.get<T>(sql, params);
  }
  tuples<T extends readonly unknown[]>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return this.reads.tuples<T>(sql, params);
  }
  /** A write outside an explicit transaction still goes through the writer queue. */
  run(sql: string, params?: readonly SqlParam[]): Promise<number> {
    return this.transaction((tx) => tx.run(sql, params));
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    if (this.closed) return Promise.reject(new Error('database is closed'));
    if (this.broken) return Promise.reject(this.broken);
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ fn, durable: options.wait !== 'committed', resolve: resolve as (v: unknown) => void, reject });
      // While a sync runs, transactions gather and commit as one group when it ends: their
      // callers would wait for the next sync anyway, and one big commit writes each page once.
      if (!this.syncing) this.scheduleFlush();
    });
  }

  /**
   * Resolves once no group is running, and starts none until the returned release is called.
   * Transactions keep queueing meanwhile; statements on the read connection keep running.
   */
  private async holdWrites(): Promise<() => void> {
    this.held = true;
    if (this.flushing) await new Promise<void>((resolve) => (this.betweenGroups = resolve));
    return () => {
      this.held = false;
      if (this.pending.length > 0 && !this.syncing) this.scheduleFlush();
    };
  }

  /** A group starts after this turn's I/O callbacks have queued their transactions too. */
  private scheduleFlush(): void {
    if (this.flushing || this.held) return;
    this.flushing = true;
    setImmediate(() => void this.flush());
  }

  /**
   * Group commit: every transaction queued meanwhile runs, one after another, inside one
   * BEGIN IMMEDIATE … COMMIT, each in its own savepoint (a failure rolls back only its own
   * writes). Callers are answered only once a sync that started after the COMMIT has finished.
   */
  private async flush(): Promise<void> {
    try {
      while (this.pending.length > 0 && !this.held) {
        const group = this.pending.splice(0, MAX_GROUP);
        let outcomes: Outcome[];
        try {
          if (this.broken) throw this.broken;
          outcomes = await this.runGroup(group);
        } catch (error) {
          for (const item of group) item.reject(error);
          continue;
        }
        const settle = (item: Pending, i: number, syncError: Error | null): void => {
          const o = outcomes[i]!;
          if (syncError) item.reject(syncError);
          else if (o.ok) item.resolve(o.value);
          else item.reject(o.error);
        };
        group.forEach((item, i) => {
          if (!item.durable) settle(item, i, null);
        });
        // A group nobody waits on the disk for takes no sync of its own: the next sync, for a
        // later group or a checkpoint, covers its frames too (they precede it in the WAL).
        if (!group.some((item) => item.durable)) continue;
        this.afterSync((syncError) => {
          group.forEach((item, i) => {
            if (item.durable) settle(item, i, syncError);
          });
        });
      }
    } finally {
      this.flushing = false;
      this.betweenGroups?.();
      this.betweenGroups = null;
      this.settleIdle();
    }
  }

  /** One group inside BEGIN IMMEDIATE … COMMIT. Throws, with everything rolled back, when the group as a whole failed. */
  private async runGroup(group: Pending[]): Promise<Outcome[]> {
    const c = this.control;
    const outcomes: Outcome[] = [];
    c.begin.run();
    try {
      if (group.length === 1) {
        // Alone in its group: its failure may roll back the whole transaction, no savepoint needed.
        outcomes.push({ ok: true, value: await group[0]!.fn(this.writes) });
      } else {
        for (const item of group) {
          c.savepoint.run();
          try {
            const value = await item.fn(this.writes);
            c.release.run();
            outcomes.push({ ok: true, value });
          } catch (error) {
            c.rollbackTo.run();
            c.release.run();
            outcomes.push({ ok: false, error });
          }
        }
      }
      c.commit.run();
      this.checkpointer.committed();
      return outcomes;
    } catch (error) {
      if (this.writer.inTransaction) c.rollback.run();
      throw error;
    }
  }

  private afterSync(settle: (error: Error | null) => void): void {
    this.unsynced.push(settle);
    if (!this.syncing) this.sync();
  }

  private sync(): void {
    const batch = this.unsynced;
    this.unsynced = [];
    this.syncing = true;
    this.fdatasync(this.wal(), (err) => {
      this.syncing = false;
      if (err) this.broken ??= new Error(`the database could not be made durable (fdatasync: ${err.code ?? err.message}); restart the server`);
      for (const settle of batch) settle(err ? this.broken : null);
      if (this.unsynced.length > 0) this.sync();
      if (this.pending.length > 0) this.scheduleFlush();
      this.settleIdle();
    });
  }

  private settleIdle(): void {
    if (!this.flushing && !this.syncing && this.idle) this.idle();
  }

  async ping(): Promise<void> {
    if (this.broken) throw this.broken;
    this.reads.getSync('SELECT 1 AS ok');
  }

  /** Commits and syncs what is queued, then closes; closing again waits for the same close. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    this.closed = true;
    // First: a checkpoint holding writes releases them, and what was queued meanwhile commits below.
    await this.checkpointer.close();
    if (this.flushing || this.syncing) await new Promise<void>((r) => (this.idle = r));
    this.reader.close();
    this.writer.close();
    if (this.walFd !== null) closeSync(this.walFd);
    this.walFd = null;
    this.lock.release();
  }
}
