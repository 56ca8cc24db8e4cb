/**
 * A fresh PostgreSQL database per test file, on the server that scripts/test-all.mjs starts
 * (SHOTLIST_TEST_DATABASE_URL). Missing URL is a failure, never a skip.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export function testPostgresUrl(): string {
  const url = process.env.SHOTLIST_TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'SHOTLIST_TEST_DATABASE_URL is not set: run the suite with `npm test` (it starts a throwaway PostgreSQL), or start one with `node scripts/test-postgres.mjs` and export the URL it prints.',
    );
  }
  return url;
}

export async function freshPostgresDatabase(): Promise<string> {
  const base = testPostgresUrl();
  const name = `shotlist_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}
