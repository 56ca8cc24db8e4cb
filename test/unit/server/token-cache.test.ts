/** The token cache: a revoke in this process is refused at once; one elsewhere within the TTL. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Queryable } from '../../../src/server/db';
import { SqliteDatabase } from '../../../src/server/db/sqlite';
import { authenticate, issueToken } from '../../../src/server/gate/authenticate';
import { TOKEN_CACHE_TTL_MS, TokenCache } from '../../../src/server/gate/token-cache';
import { sha256Hex } from '../../../src/server/util/crypto';
import { testTempDir } from '../../helpers/temp-dir';

let db: SqliteDatabase;
let token: string;
let t: number;
const now = () => t;
const revokeInDatabase = () => db.run('UPDATE tokens SET revoked_at = 1 WHERE user_id = ?', ['u1']);

beforeEach(async () => {
  db = new SqliteDatabase(testTempDir('shotlist-tokens-'));
  t = 1000;
  token = await db.transaction(async (tx) => {
    await tx.run("INSERT INTO users (id, name, early_access, created_at) VALUES ('u1', 'u1', 1, 0)");
    return issueToken(tx, 'u1', 0);
  });
});
afterEach(async () => {
  await db.close();
});

describe('TokenCache', () => {
  it('a token revoked by another process (straight in the database) is refused once the TTL has passed', async () => {
    const cache = new TokenCache(TOKEN_CACHE_TTL_MS, 100, now);
    expect(await authenticate(db, `Bearer ${token}`, cache)).toEqual({ id: 'u1' });
    await revokeInDatabase();
    t += TOKEN_CACHE_TTL_MS - 1;
    // The documented bound: until the TTL has passed this process may still accept it.
    expect(await authenticate(db, `Bearer ${token}`, cache)).toEqual({ id: 'u1' });
    t += 1;
    await expect(authenticate(db, `Bearer ${token}`, cache)).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('forgetting the user (a revoke in this process) refuses the token at once', async () => {
    const cache = new TokenCache(TOKEN_CACHE_TTL_MS, 100, now);
    await authenticate(db, `Bearer ${token}`, cache);
    await revokeInDatabase();
    cache.forgetUser('u1');
    await expect(authenticate(db, `Bearer ${token}`, cache)).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('a lookup that overlapped a forget is not kept', async () => {
    const cache = new TokenCache(TOKEN_CACHE_TTL_MS, 100, now);
    const racing: Queryable = {
      all: (s, p) => db.all(s, p),
      get: (s, p) => db.get(s, p),
      run: (s, p) => db.run(s, p),
      tuples: async (s, p) => {
        const rows = await db.tuples(s, p);
        cache.forgetUser('u1');
        return rows as never;
      },
    };
    await authenticate(racing, `Bearer ${token}`, cache);
    expect(cache.get(sha256Hex(token))).toBeUndefined();
  });

  it('unknown tokens are never kept, and the oldest entry leaves first when full', async () => {
    const cache = new TokenCache(TOKEN_CACHE_TTL_MS, 2, now);
    await expect(authenticate(db, 'Bearer sl_unknown', cache)).rejects.toMatchObject({ code: 'unauthenticated' });
    expect(cache.get(sha256Hex('sl_unknown'))).toBeUndefined();
    cache.keep('a', { id: 'x' }, cache.lookupStarts());
    cache.keep('b', { id: 'y' }, cache.lookupStarts());
    cache.keep('c', { id: 'z' }, cache.lookupStarts());
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, { id: 'y' }, { id: 'z' }]);
  });
});
