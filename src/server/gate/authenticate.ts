/** Gate step 1: a bearer token names a user. Tokens are stored only as SHA-256 hashes. */
import type { Queryable } from '../db';
import { ApiError } from '../http/problem';
import { randomToken, sha256Hex } from '../util/crypto';

export interface UserRow {
  id: string;
  name: string;
  early_access: number;
  granted: number;
  available: number;
  reserved: number;
  charged: number;
}

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer ([\x21-\x7e]{1,512})$/.exec(header);
  return m ? m[1]! : null;
}

export async function authenticate(db: Queryable, authorization: string | undefined): Promise<UserRow> {
  const token = bearerToken(authorization);
  if (!token) throw new ApiError('unauthenticated', 'A bearer token is required.');
  // Every authenticated request runs this: read as a tuple (cheaper than a row object on SQLite).
  const [row] = await db.tuples<[string, string, number, number, number, number, number]>(
    `SELECT u.id, u.name, u.early_access, u.granted, u.available, u.reserved, u.charged
       FROM tokens t JOIN users u ON u.id = t.user_id
      WHERE t.hash = ? AND t.revoked_at IS NULL`,
    [sha256Hex(token)],
  );
  if (!row) throw new ApiError('unauthenticated', 'The token is unknown or revoked.');
  const [id, name, early_access, granted, available, reserved, charged] = row;
  return { id, name, early_access, granted, available, reserved, charged };
}

/** A new user token: returned once, stored as its hash. */
export async function issueToken(tx: Queryable, userId: string, now: number): Promise<string> {
  const token = randomToken('sl');
  await tx.run('INSERT INTO tokens (hash, user_id, created_at, revoked_at) VALUES (?, ?, ?, NULL)', [sha256Hex(token), userId, now]);
  return token;
}
