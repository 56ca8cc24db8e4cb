/** Gate step 1: a bearer token names a user. Tokens are stored only as SHA-256 hashes. */
import type { Queryable } from '../db';
import { ApiError } from '../http/problem';
import { randomToken, sha256Hex } from '../util/crypto';
import type { AuthUser, TokenCache } from './token-cache';

export interface UserRow {
  id: string;
  name: string;
  early_access: number;
  granted: number;
  available: number;
  reserved: number;
  charged: number;
}

/**
 * The token of an `Authorization: Bearer <token>` header: the scheme's name in any case (RFC 9110),
 * then one or more spaces (RFC 6750's `"Bearer" 1*SP b64token`).
 */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer +([\x21-\x7e]{1,512})$/i.exec(header);
  return m ? m[1]! : null;
}

/** The token's user: from the cache when it knows the token, else from the database (and then kept). */
export async function authenticate(db: Queryable, authorization: string | undefined, cache?: TokenCache): Promise<AuthUser> {
  const token = bearerToken(authorization);
  if (!token) throw new ApiError('unauthenticated', 'A bearer token is required.');
  const hash = sha256Hex(token);
  const known = cache?.get(hash);
  if (known) return known;
  const startedAt = cache?.lookupStarts() ?? 0;
  const [row] = await db.tuples<[string]>(
    `SELECT u.id FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = ? AND t.revoked_at IS NULL`,
    [hash],
  );
  if (!row) throw new ApiError('unauthenticated', 'The token is unknown or revoked.');
  const user = { id: row[0] };
  cache?.keep(hash, user, startedAt);
  return user;
}

/** The user's account as committed now. */
export async function readUser(db: Queryable, id: string): Promise<UserRow | undefined> {
  return db.get<UserRow>('SELECT id, name, early_access, granted, available, reserved, charged FROM users WHERE id = ?', [id]);
}

/** A new user token: returned once, stored as its hash. */
export async function issueToken(tx: Queryable, userId: string, now: number): Promise<string> {
  const token = randomToken('sl');
  await tx.run('INSERT INTO tokens (hash, user_id, created_at, revoked_at) VALUES (?, ?, ?, NULL)', [sha256Hex(token), userId, now]);
  return token;
}
