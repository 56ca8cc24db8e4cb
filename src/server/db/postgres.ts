/**
 * The PostgreSQL engine (pg). Transactions run at READ COMMITTED; the gate's conditional
 * UPDATEs (`… WHERE reserved + n <= cap`) lock the rows they change and re-check the
 * condition against the newest committed row, so concurrent gates in any number of processes
 * serialize on the same budget and user rows. Serialization failures and deadlocks retry.
 */
import pg from 'pg';
import type { Database, Queryable, SqlParam, TransactionOptions } from './database';
import { MIGRATIONS } from './migrations';

const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;
/** Any fixed number: the advisory lock that lets only one process migrate at a time. */
const MIGRATION_LOCK = 7_301_955;

const placeholderCache = new Map<string, string>();
/** `?` → `$1, $2, …` (our SQL never has `?` inside a literal). */
function numbered(sql: string): string {
  let out = placeholderCache.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    placeholderCache.set(sql, out);
  }
  return out;
}

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    // int8 (BIGINT) and numeric: our values are credits and epoch ms, well inside 2^53.
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
} as unknown as pg.CustomTypesConfig;

class Client implements Queryable {
  constructor(private readonly c: pg.Pool | pg.PoolClient) {}
  async all<T>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
    const r = await this.c.query({ text: numbered(sql), values: params as SqlParam[], types });
    return r.rows as T[];
  }
  async get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
  async tuples<T extends readonly unknown[]>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
    const r = await this.c.query({ text: numbered(sql), values: params as SqlParam[], types, rowMode: 'array' });
    return r.rows as unknown as T[];
  }
  async run(sql: string, params: readonly SqlParam[] = []): Promise<number> {
    const r = await this.c.query({ text: numbered(sql), values: params as SqlParam[], types });
    return r.rowCount ?? 0;
  }
}

export class PostgresDatabase implements Database {
  readonly engine = 'postgres' as const;
  private readonly pool: pg.Pool;
  private readonly plain: Client;

  private closing: Promise<void> | null = null;

  private constructor(url: string, max: number) {
    this.pool = new pg.Pool({ connectionString: url, max });
    // An idle client losing its connection must not crash the process.
    this.pool.on('error', () => undefined);
    this.plain = new Client(this.pool);
  }

  static async open(url: string, options: { maxConnections?: number } = {}): Promise<PostgresDatabase> {
    const db = new PostgresDatabase(url, options.maxConnections ?? 10);
    try {
      await db.migrate();
    } catch (err) {
      await db.pool.end();
      throw err;
    }
    return db;
  }

  private async migrate(): Promise<void> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      await c.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)');
      const applied = new Set((await c.query<{ id: number }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id));
      for (const m of MIGRATIONS) {
        if (applied.has(m.id)) continue;
        for (const s of [...m.statements, ...(m.postgres ?? [])]) await c.query(s);
        await c.query('INSERT INTO schema_migrations (id, name, applied_at) VALUES ($1, $2, $3)', [m.id, m.name, Date.now()]);
      }
      await c.query('COMMIT');
    } catch (err) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      c.release();
    }
  }

  all<T>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return this.plain.all<T>(sql, params);
  }
  get<T>(sql: string, params?: readonly SqlParam[]): Promise<T | undefined> {
    return this.plain.get<T>(sql, params);
  }
  tuples<T extends readonly unknown[]>(sql: string, params?: readonly SqlParam[]): Promise<T[]> {
    return this.plain.tuples<T>(sql, params);
  }
  run(sql: string, params?: readonly SqlParam[]): Promise<number> {
    return this.plain.run(sql, params);
  }

  /** COMMIT returns once PostgreSQL has made it durable, so options.wait changes nothing here. */
  async transaction<T>(fn: (tx: Queryable) => Promise<T>, _options?: TransactionOptions): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const c = await this.pool.connect();
      let broken = false;
      try {
        await c.query('BEGIN');
        const value = await fn(new Client(c));
        await c.query('COMMIT');
        return value;
      } catch (err) {
        try {
          await c.query('ROLLBACK');
        } catch {
          broken = true;
        }
        const code = (err as { code?: string }).code;
        if (code && RETRYABLE.has(code) && attempt < MAX_ATTEMPTS) continue;
        throw err;
      } finally {
        c.release(broken);
      }
    }
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  /** Closing again waits for the same close (the pool ends once). */
  close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }
}
