/**
 * One database interface, two engines: better-sqlite3 (embedded, WAL, synchronous=FULL) and
 * PostgreSQL (pg). SQL is written once with `?` placeholders in the common subset both speak
 * (ON CONFLICT, RETURNING, partial indexes, row values); the pg engine numbers them.
 */
export type SqlParam = string | number | null;

export interface Queryable {
  all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined>;
  /** Runs a write; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlParam[]): Promise<number>;
}

export interface Database extends Queryable {
  readonly engine: 'sqlite' | 'postgres';
  /**
   * Runs fn in one transaction that holds the gate's write lock: on SQLite the single writer
   * (BEGIN IMMEDIATE), on PostgreSQL a transaction whose conditional updates lock the rows they
   * touch, retried whole on serialization failure or deadlock. fn may run more than once.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
