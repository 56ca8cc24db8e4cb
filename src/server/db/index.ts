import type { Database } from './database';
import { PostgresDatabase } from './postgres';
import { SqliteDatabase } from './sqlite';

export type { Database, Queryable, SqlParam, TransactionOptions } from './database';

/** PostgreSQL when a URL is given, else the embedded database in dataDir. */
export async function openDatabase(options: { databaseUrl?: string | undefined; dataDir: string }): Promise<Database> {
  if (options.databaseUrl) return PostgresDatabase.open(options.databaseUrl);
  return new SqliteDatabase(options.dataDir);
}
