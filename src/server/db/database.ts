/**
 * One database interface, two engines: better-sqlite3 (embedded, WAL, every acknowledged commit
 * fdatasynced) and PostgreSQL (pg). SQL is written once with `?` placeholders in the common
 * subset both speak (ON CONFLICT, RETURNING, partial indexes, row values); the pg engine numbers
 * them. Triggers, which the two write differently, are a migration's engine-specific part.
 */
/** Buffers are bytes: BLOB on SQLite, bytea on PostgreSQL. */
export type SqlParam = string | number | null | Buffer;

export interface Queryable {
  all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined>;
  /** Rows as arrays, columns in SELECT order: for hot reads of many rows (no object per row to build). */
  tuples<T extends readonly unknown[]>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  /** Runs a write; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlParam[]): Promise<number>;
}

export interface TransactionOptions {
  /**
   * 'durable' (default): resolves once the commit is on disk (survives kill -9 and power loss).
   * 'committed': resolves once committed — visible to every later read and write and handed to
   * the OS, so it survives kill -9 — without waiting for the embedded engine's next fsync, which
   * follows within milliseconds. Only for writes nobody outside is told about and that
   * reconciliation redoes if a power cut loses them (PostgreSQL commits are always durable).
   */
  wait?: 'durable' | 'committed';
}

export interface Database extends Queryable {
  readonly engine: 'sqlite' | 'postgres';
  /**
   * Runs fn in one transaction that holds the gate's write lock: on SQLite the single writer
   * (BEGIN IMMEDIATE), on PostgreSQL a transaction whose conditional updates lock the rows they
   * touch, retried whole on serialization failure or deadlock. fn may run more than once.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
