/**
 * The embedded engine: better-sqlite3 in WAL mode with synchronous=FULL, so a committed
 * transaction is on disk before COMMIT returns (survives kill -9 and power loss).
 * One writer connection runs transactions one at a time, grouped so one fsync commits many
 * (see flush), and awaits inside a transaction never interleave another request's statements;
 * a second, read-only connection serves plain reads from the last committed snapshot.
 */
import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Database, Queryable, SqlParam } from './database';
import { MIGRATIONS } from './migrations';

type Conn = BetterSqlite3.Database;
/** Most transactions one commit carries. */
const MAX_GROUP = 256;
type Stmt = BetterSqlite3.Statement<unknown[], unknown>;

class StatementCache implements Queryable {
  private readonly cache = new Map<string, Stmt>();
  constructor(private readonly conn: Conn) {}

  private prepare(sql: string): Stmt {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      stmt = this.conn.prepare(sql);
      this.cache.set(sql, stmt);
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
  async run(sql: string, params?: readonly SqlParam[]): Promise<number> {
    return this.runSync(sql, params);
  }
}

function open(file: string, readonly: boolean): Conn {
  const conn = new BetterSqlite3(file, { readonly, fileMustExist: readonly });
  conn.pragma('busy_timeout = 5000');
  if (!readonly) {
    conn.pragma('journal_mode = WAL');
    conn.pragma('synchronous = FULL');
    conn.pragma('foreign_keys = ON');
  }
  return conn;
}

export class SqliteDatabase implements Database {
  readonly engine = 'sqlite' as const;
  private readonly writer: Conn;
  private readonly reader: Conn;
  private readonly writes: StatementCache;
  private readonly reads: StatementCache;
  private pending: Array<{ fn: (tx: Queryable) => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void }> = [];
  private flushing = false;
  private drained: (() => void) | null = null;
  private closed = false;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, 'shotlist.db');
    this.writer = open(file, false);
    this.writes = new StatementCache(this.writer);
    this.migrate();
    this.reader = open(file, true);
    this.reads = new StatementCache(this.reader);
  }

  private migrate(): void {
    this.writer.exec('CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
    const applied = new Set(this.writer.prepare('SELECT id FROM schema_migrations').pluck().all() as number[]);
    for (const m of MIGRATIONS) {
      if (applied.has(m.id)) continue;
      this.writer.transaction(() => {
        for (const s of m.statements) this.writer.exec(s);
        this.writer.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(m.id, m.name, Date.now());
      }).immediate();
    }
  }

  all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return this.reads.all<T>(sql, params);
  }
  get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
    return this.reads.get<T>(sql, params);
  }
  /** A write outside an explicit transaction still goes through the writer queue. */
  run(sql: string, params?: readonly SqlParam[]): Promise<number> {
    return this.transaction((tx) => tx.run(sql, params));
  }

  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('database is closed'));
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ fn, resolve: resolve as (v: unknown) => void, reject });
      // Start a group after this turn's I/O callbacks have queued their transactions too.
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  /**
   * Group commit: every transaction queued meanwhile runs, one after another, inside one
   * BEGIN IMMEDIATE … COMMIT, each in its own savepoint (a failure rolls back only its own
   * writes). Each caller hears back only after the COMMIT, so one fsync makes a whole group
   * durable and nobody is told "done" before the disk is.
   */
  private async flush(): Promise<void> {
    try {
      while (this.pending.length > 0) {
        const group = this.pending.splice(0, MAX_GROUP);
        const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
        this.writer.exec('BEGIN IMMEDIATE');
        try {
          for (const item of group) {
            this.writer.exec('SAVEPOINT tx');
            try {
              const value = await item.fn(this.writes);
              this.writer.exec('RELEASE tx');
              outcomes.push({ ok: true, value });
            } catch (error) {
              this.writer.exec('ROLLBACK TO tx');
              this.writer.exec('RELEASE tx');
              outcomes.push({ ok: false, error });
            }
          }
          this.writer.exec('COMMIT');
        } catch (error) {
          if (this.writer.inTransaction) this.writer.exec('ROLLBACK');
          for (const item of group) item.reject(error);
          continue;
        }
        group.forEach((item, i) => {
          const o = outcomes[i]!;
          if (o.ok) item.resolve(o.value);
          else item.reject(o.error);
        });
      }
    } finally {
      this.flushing = false;
      this.drained?.();
    }
  }

  async ping(): Promise<void> {
    this.reads.getSync('SELECT 1 AS ok');
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.flushing) await new Promise<void>((r) => (this.drained = r));
    this.reader.close();
    this.writer.close();
  }
}
